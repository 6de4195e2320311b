/** The REST edge at /api/v1: resources, request and response shapes, and the mapping of failures to error answers. */
package dev.scrumpoker.interfaces.rest;
