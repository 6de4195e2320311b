package dev.scrumpoker.infrastructure.security;

import dev.scrumpoker.domain.account.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2 with HMAC-SHA512, 210,000 iterations and a 16-byte random salt (OWASP's recommendation for this PRF).
 * Stored as {@code pbkdf2-sha512$iterations$salt$hash}, so the cost can be raised later without breaking old hashes.
 * Hashes run through a {@link HashingGate}: at most {@code auth.hashing.concurrency} at once (default: half the
 * cores), each waiting at most {@code auth.hashing.max-wait} for its turn (5 s: a team signing up together on a slow
 * 2-core host, where one hash takes 0.7 s, gets through). One hash runs in the background at start-up: the JIT compiles
 * the hashing loop during it, so the first person to sign in after a deploy does not wait 4 s for an interpreted one.
 */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "auth.hashing.concurrency", defaultValue = "0")
    int concurrency;
    @Inject
    @ConfigProperty(name = "auth.hashing.max-wait", defaultValue = "PT5S")
    Duration maxWait;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private HashingGate gate;

    @PostConstruct
    void openGate() {
        gate = new HashingGate(concurrency > 0 ? concurrency : HashingGate.defaultConcurrency(), maxWait);
    }

    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        executor.execute(() -> derive("warm-up", new byte[SALT_BYTES], ITERATIONS));
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] derived = gate.run(() -> derive(password, salt, ITERATIONS));
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    @Override
    public boolean matches(String password, String storedHash) {
        String[] parts = storedHash.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] salt = b64.decode(parts[2]);
        int iterations = Integer.parseInt(parts[1]);
        byte[] actual = gate.run(() -> derive(password, salt, iterations));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
