package dev.scrumpoker.application.account;

import java.util.UUID;

/** Who a verified token stands for. */
public record VerifiedCaller(UUID userId, String displayName) {
}
