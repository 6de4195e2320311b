package dev.scrumpoker.domain.account;

import dev.scrumpoker.domain.shared.DomainException;
import dev.scrumpoker.domain.shared.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Someone who uses Scrum Poker: a guest with only a display name, or a registered account. */
@Entity
@Table(name = "users")
public class User {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** Something@something.tld, without spaces, control or invisible format characters anywhere. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Cc}\\p{Cf}]+\\.[^@\\s\\p{Cc}\\p{Cf}]+$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    @Id
    private UUID id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private boolean guest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
    }

    private User(String displayName, String email, String passwordHash, boolean guest, Instant now) {
        this.id = UUID.randomUUID();
        this.displayName = displayName(displayName);
        this.email = email;
        this.passwordHash = passwordHash;
        this.guest = guest;
        this.tier = Tier.FREE;
        this.createdAt = Objects.requireNonNull(now, "now is required");
    }

    public static User guest(String displayName, Instant now) {
        return new User(displayName, null, null, true, now);
    }

    /** A registered account; the password has been checked with {@link #checkPassword} and hashed by then. */
    public static User registered(String email, String passwordHash, String displayName, Instant now) {
        Objects.requireNonNull(passwordHash, "passwordHash is required");
        return new User(displayName, normalizeEmail(email), passwordHash, false, now);
    }

    public static String displayName(String value) {
        return Text.require("displayName", value, 1, 40);
    }

    /** Emails are compared case-insensitively: one address, one account. Refuses what is not an address. */
    public static String normalizeEmail(String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            throw DomainException.invalid("email must be a valid address");
        }
        return canonicalEmail(email);
    }

    /**
     * The form emails are stored and looked up in, without judging the address (a login only looks it up); only
     * control characters, which no stored address has and PostgreSQL cannot even compare (NUL), are refused.
     */
    public static String canonicalEmail(String email) {
        if (email.length() > 1024 || CONTROL.matcher(email).find()) {
            throw DomainException.invalid("email must be a valid address");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static void checkPassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw DomainException.invalid("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 1024) {
            throw DomainException.invalid("password must be at most 1024 characters");
        }
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isGuest() {
        return guest;
    }

    /** The tier in force changed (a subscription started, lapsed or changed plan). */
    public void changeTier(Tier newTier) {
        this.tier = Objects.requireNonNull(newTier, "newTier is required");
    }

    public Tier tier() {
        return tier;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
