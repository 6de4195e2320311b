/** The edge that serves the browser UI: the room page's short links and the headers every page is served with. */
package dev.scrumpoker.interfaces.web;
