package dev.scrumpoker.interfaces.rest;

/** The body of every error answer: {@code {"error": "<CODE>", "message": "<human text>"}}. */
public record ErrorBody(String error, String message) {
}
