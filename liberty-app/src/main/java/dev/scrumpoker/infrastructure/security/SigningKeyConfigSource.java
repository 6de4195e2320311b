package dev.scrumpoker.infrastructure.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands MicroProfile JWT the verification settings that belong to our own issuer: the public key derived from
 * {@link SigningKeys}, the issuer and the audience. A low ordinal lets an operator override any of them.
 */
public class SigningKeyConfigSource implements ConfigSource {

    public static final String AUDIENCE = "scrum-poker";
    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String ISSUER = "mp.jwt.verify.issuer";
    private static final String AUDIENCES = "mp.jwt.verify.audiences";
    private static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";

    public static String issuer() {
        String issuer = System.getenv("JWT_ISSUER");
        return issuer == null || issuer.isBlank() ? "scrum-poker" : issuer;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY, ISSUER, AUDIENCES, ALGORITHM);
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case PUBLIC_KEY -> SigningKeys.instance().publicKeyPem();
            case ISSUER -> issuer();
            case AUDIENCES -> AUDIENCE;
            case ALGORITHM -> "RS256";
            default -> null;
        };
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, getValue(PUBLIC_KEY), ISSUER, issuer(), AUDIENCES, AUDIENCE, ALGORITHM, "RS256");
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "scrum-poker-signing-key";
    }
}
