package dev.scrumpoker.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Tokens made by the tests themselves, with the claims the server issues (see JwtTokens): signed with the
 * development key the server uses (~/.scrum-poker/jwt-signing-key.pem) or with a key the server has never seen.
 */
final class Tokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A token for the user, signed with the server's own key, valid from {@code issuedAt} to {@code expiresAt}. */
    static String signedByServerKey(String userId, String name, Instant issuedAt, Instant expiresAt) {
        return sign(claims(userId, name, issuedAt, expiresAt), serverKey());
    }

    /** A well-formed token with current dates, signed by a freshly generated key the server does not trust. */
    static String signedByForeignKey(String userId, String name) {
        Instant now = Instant.now();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(claims(userId, name, now, now.plusSeconds(3600)), generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject claims(String userId, String name, Instant issuedAt, Instant expiresAt) {
        return Json.createObjectBuilder()
                .add("iss", "scrum-poker")
                .add("aud", "scrum-poker")
                .add("sub", userId)
                .add("upn", userId)
                .add("name", name)
                .add("guest", true)
                .add("groups", Json.createArrayBuilder().add("guest"))
                .add("jti", UUID.randomUUID().toString())
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .build();
    }

    private static String sign(JsonObject claims, PrivateKey key) {
        JsonObject header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static String encode(JsonObject json) {
        return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The development signing key every node on this machine shares (PKCS#8 PEM). */
    private static PrivateKey serverKey() {
        Path file = Path.of(System.getProperty("user.home"), ".scrum-poker", "jwt-signing-key.pem");
        try {
            String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development signing key is not an RSA PKCS#8 key", e);
        }
    }
}
