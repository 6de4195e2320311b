package dev.scrumpoker.infrastructure.security;

import dev.scrumpoker.application.account.IssuedToken;
import dev.scrumpoker.application.account.TokenService;
import dev.scrumpoker.application.account.VerifiedCaller;
import dev.scrumpoker.domain.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 tokens and verifies them where MicroProfile JWT cannot (the WebSocket handshake carries its token in
 * the query string). REST calls are verified by MicroProfile JWT with the same key, issuer and audience.
 */
@ApplicationScoped
public class JwtTokens implements TokenService {

    /** Looked up once: {@code JSON.create…} finds the provider anew on every call (a class-path scan). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    /** Clocks of nodes differ a little; a token is accepted this long after it expired. */
    private static final long CLOCK_SKEW_SECONDS = 30;
    /** Enough for every connection of a full node (5,000) several times over; about 1 KB each. */
    private static final int VERIFIED_TOKENS_KEPT = 20_000;

    private final VerifiedTokens verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "jwt.lifetime", defaultValue = "PT12H")
    Duration lifetime;

    @Override
    public IssuedToken issue(User user) {
        long now = clock.instant().getEpochSecond();
        JsonObject header = JSON.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        JsonObject claims = JSON.createObjectBuilder()
                .add("iss", SigningKeyConfigSource.issuer())
                // A list, not a lone string (RFC 7519 allows both): Liberty's MicroProfile JWT reads "aud" as a list
                // first and, for a string, throws and catches an exception on every request it authenticates.
                .add("aud", JSON.createArrayBuilder().add(SigningKeyConfigSource.AUDIENCE))
                .add("sub", user.id().toString())
                .add("upn", user.id().toString())
                .add("name", user.displayName())
                .add("guest", user.isGuest())
                .add("groups", JSON.createArrayBuilder().add(user.isGuest() ? "guest" : "member"))
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now)
                .add("exp", now + lifetime.toSeconds())
                .build();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(SigningKeys.instance().privateKey());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return new IssuedToken(signingInput + "." + BASE64URL.encodeToString(rsa.sign()), lifetime.toSeconds());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    @Override
    public Optional<VerifiedCaller> verify(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        Optional<VerifiedCaller> known = verified.find(token, now);
        if (known.isPresent()) {
            return known;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonObject header = decode(parts[0]);
            if (!"RS256".equals(header.getString("alg", null))) {
                return Optional.empty();
            }
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(SigningKeys.instance().publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(BASE64URL_DECODER.decode(parts[2]))) {
                return Optional.empty();
            }
            JsonObject claims = decode(parts[1]);
            if (!SigningKeyConfigSource.issuer().equals(claims.getString("iss", null))
                    || !hasAudience(claims.get("aud"))
                    || !claims.containsKey("exp")) {
                return Optional.empty();
            }
            long acceptedUntil = claims.getJsonNumber("exp").longValue() + CLOCK_SKEW_SECONDS;
            if (acceptedUntil < now) {
                return Optional.empty();
            }
            VerifiedCaller caller = new VerifiedCaller(UUID.fromString(claims.getString("sub")),
                    claims.getString("name", ""));
            verified.remember(token, caller, acceptedUntil, now);
            return Optional.of(caller);
        } catch (GeneralSecurityException | RuntimeException malformed) {
            // Any token we cannot fully parse and verify is simply not a valid token.
            return Optional.empty();
        }
    }

    private static boolean hasAudience(JsonValue aud) {
        if (aud instanceof JsonString single) {
            return SigningKeyConfigSource.AUDIENCE.equals(single.getString());
        }
        return aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY
                && aud.asJsonArray().contains(JSON.createValue(SigningKeyConfigSource.AUDIENCE));
    }

    private static String encode(JsonObject json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject decode(String part) {
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(BASE64URL_DECODER.decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }
}
