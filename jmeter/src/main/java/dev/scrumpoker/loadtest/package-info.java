/**
 * Our own JMeter samplers: a room of planning poker played over real WebSockets, measured cheaply (arrival
 * times stamped on the I/O threads, one JSON parse per frame, no scripting), so JMeter is not what is measured.
 */
package dev.scrumpoker.loadtest;
