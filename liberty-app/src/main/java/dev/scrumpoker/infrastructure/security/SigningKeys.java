package dev.scrumpoker.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies this service's tokens. Every node must hold the same key.
 *
 * <p>Production passes the private key as PEM (PKCS#8) in {@code JWT_PRIVATE_KEY}, or a path in
 * {@code JWT_PRIVATE_KEY_FILE}. Without either, a development key is generated once into
 * {@code ~/.scrum-poker/jwt-signing-key.pem} and shared by every node started on the machine. The public key is
 * derived from the private one, so there is only one secret to manage.
 *
 * <p>Read from the environment rather than MicroProfile Config because {@link SigningKeyConfigSource} feeds the
 * public key into MicroProfile Config itself.
 */
public final class SigningKeys {

    private static final String PEM_HEADER = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_FOOTER = "-----END PRIVATE KEY-----";
    private static volatile SigningKeys instance;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private SigningKeys(PrivateKey privateKey) throws GeneralSecurityException {
        this.privateKey = privateKey;
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        this.publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    public static SigningKeys instance() {
        SigningKeys keys = instance;
        if (keys == null) {
            synchronized (SigningKeys.class) {
                keys = instance;
                if (keys == null) {
                    keys = load();
                    instance = keys;
                }
            }
        }
        return keys;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM, the form {@code mp.jwt.verify.publickey} accepts. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static SigningKeys load() {
        try {
            String pem = System.getenv("JWT_PRIVATE_KEY");
            if (pem == null || pem.isBlank()) {
                String file = System.getenv("JWT_PRIVATE_KEY_FILE");
                Path path = file == null || file.isBlank()
                        ? developmentKeyFile(Paths.get(System.getProperty("user.home"), ".scrum-poker"))
                        : Paths.get(file);
                pem = Files.readString(path, StandardCharsets.US_ASCII);
            }
            return new SigningKeys(parse(pem));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JWT signing key is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** Creates the development key if no node has yet; concurrent first starts agree on the first one made. */
    static Path developmentKeyFile(Path dir) throws IOException, GeneralSecurityException {
        Path key = dir.resolve("jwt-signing-key.pem");
        if (Files.exists(key)) {
            return key;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = PEM_HEADER + "\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n" + PEM_FOOTER + "\n";
        Path temp = Files.createTempFile(dir, "jwt-", ".tmp", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, pem, StandardCharsets.US_ASCII);
        try {
            // A hard link is made whole or not at all, and never over an existing file (a rename would replace it:
            // two nodes starting together would each keep the key they made, and refuse each other's tokens).
            Files.createLink(key, temp);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            // Theirs is the key: it is read below, by both.
        } finally {
            Files.deleteIfExists(temp);
        }
        return key;
    }

    private static PrivateKey parse(String pem) throws GeneralSecurityException {
        String base64 = pem.replace(PEM_HEADER, "").replace(PEM_FOOTER, "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
