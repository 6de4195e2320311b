package dev.scrumpoker.infrastructure.security;

import dev.scrumpoker.application.account.ConnectionTickets;
import dev.scrumpoker.application.account.SingleUse;
import dev.scrumpoker.application.account.VerifiedCaller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets as {@code base64url(payload).base64url(HMAC-SHA256(payload))}, the payload holding a version, the expiry,
 * the user, a random nonce and the display name. Any node can check one without asking another (the key is derived
 * from the token signing key every node has); a symmetric MAC costs microseconds where an RSA signature costs a
 * millisecond and a half, which matters when a whole room reconnects at once. The nonce makes each ticket good for
 * one connection ({@link SingleUse}).
 */
@ApplicationScoped
public class HmacConnectionTickets implements ConnectionTickets {

    static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 16;
    private static final int FIXED_BYTES = 1 + Long.BYTES + 2 * Long.BYTES + NONCE_BYTES;
    private static final int MAX_TICKET_LENGTH = 512;
    private static final String MAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    Clock clock;
    @Inject
    SingleUse uses;

    private SecretKeySpec key;

    @PostConstruct
    void deriveKey() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("scrum-poker connection tickets v1".getBytes(StandardCharsets.US_ASCII));
            key = new SecretKeySpec(sha256.digest(SigningKeys.instance().privateKey().getEncoded()), MAC);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    @Override
    public IssuedTicket issue(VerifiedCaller caller) {
        byte[] name = caller.displayName().getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        ByteBuffer payload = ByteBuffer.allocate(FIXED_BYTES + name.length)
                .put(VERSION)
                .putLong(clock.instant().plus(LIFETIME).getEpochSecond())
                .putLong(caller.userId().getMostSignificantBits())
                .putLong(caller.userId().getLeastSignificantBits())
                .put(nonce)
                .put(name);
        byte[] bytes = payload.array();
        return new IssuedTicket(ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes)),
                LIFETIME.toSeconds());
    }

    @Override
    public Optional<VerifiedCaller> redeem(String ticket) {
        if (ticket == null || ticket.length() > MAX_TICKET_LENGTH) {
            return Optional.empty();
        }
        int dot = ticket.indexOf('.');
        try {
            byte[] payload = DECODER.decode(ticket.substring(0, Math.max(dot, 0)));
            byte[] presentedMac = DECODER.decode(ticket.substring(dot + 1));
            if (dot < 0 || payload.length < FIXED_BYTES || !MessageDigest.isEqual(mac(payload), presentedMac)) {
                return Optional.empty();
            }
            ByteBuffer fields = ByteBuffer.wrap(payload);
            if (fields.get() != VERSION) {
                return Optional.empty();
            }
            Instant expiresAt = Instant.ofEpochSecond(fields.getLong());
            UUID userId = new UUID(fields.getLong(), fields.getLong());
            byte[] nonce = new byte[NONCE_BYTES];
            fields.get(nonce);
            String name = StandardCharsets.UTF_8.decode(fields).toString();
            if (!clock.instant().isBefore(expiresAt) || !uses.firstUse(HexFormat.of().formatHex(nonce), expiresAt)) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedCaller(userId, name));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(MAC + " is part of every JDK", impossible);
        }
    }
}
