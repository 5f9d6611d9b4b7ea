package dev.idcred.command.secret;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The service's own secrets, kept under {@code DATA_DIR/keys} (a directory only its owner may enter) in files only
 * their owner can read: the pepper that keys every credential's secret hash, and the keys that sign access tokens.
 * Made at first start, read at every later one, so a restart keeps every secret and token valid.
 * {@code SECRET_PEPPER} and {@code SIGNING_KEY} override the files, for several command-side instances that must
 * agree. A key of the other algorithm found on file stays published, so tokens it signed stay verifiable.
 */
@Component
@EnableConfigurationProperties(KeyProperties.class)
public class KeyMaterial {

    /** The key new tokens are signed with, and every key a token still in circulation may have been signed with. */
    public record SigningKeys(JWK current, JWSAlgorithm algorithm, List<JWK> all) {
    }

    static final int MIN_PEPPER_BYTES = 32;
    private static final String RSA_FILE = "signing-key.jwk.json";
    private static final String EC_FILE = "signing-key-es256.jwk.json";

    private final KeyProperties properties;
    private final Path directory;

    public KeyMaterial(KeyProperties properties) {
        this.properties = properties;
        this.directory = properties.dataDir().resolve("keys");
    }

    public Path dataDir() {
        return properties.dataDir();
    }

    /** {@code SECRET_PEPPER} (base64, at least 32 bytes) when set, so every instance hashes alike; else the file. */
    public byte[] secretPepper() {
        String encoded = !properties.secretPepper().isEmpty() ? properties.secretPepper()
                : readOrCreate("secret-pepper", () -> {
            byte[] pepper = new byte[MIN_PEPPER_BYTES];
            new SecureRandom().nextBytes(pepper);
            return Base64.getEncoder().encodeToString(pepper);
        });
        byte[] pepper;
        try {
            pepper = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SECRET_PEPPER is not base64 (head -c 32 /dev/urandom | base64 makes one)");
        }
        if (pepper.length < MIN_PEPPER_BYTES) {
            throw new IllegalStateException("SECRET_PEPPER must be the base64 of at least " + MIN_PEPPER_BYTES
                    + " random bytes (head -c 32 /dev/urandom | base64 makes one)");
        }
        return pepper;
    }

    /** {@code SIGNING_KEY} when set (its type names the algorithm); else the file of the configured algorithm. */
    public SigningKeys signingKeys() {
        if (!properties.signingKey().isEmpty()) {
            JWK key = parse(properties.signingKey(), "SIGNING_KEY");
            return new SigningKeys(key, algorithmOf(key), List.of(key));
        }
        boolean ec = properties.signingAlgorithm().equals("ES256");
        JWK current = parse(readOrCreate(ec ? EC_FILE : RSA_FILE, ec ? KeyMaterial::newEcKey : KeyMaterial::newRsaKey),
                directory.resolve(ec ? EC_FILE : RSA_FILE).toString());
        var all = new ArrayList<JWK>(List.of(current));
        Path other = directory.resolve(ec ? RSA_FILE : EC_FILE);
        if (Files.exists(other)) {
            all.add(parse(read(other), other.toString()));
        }
        return new SigningKeys(current, algorithmOf(current), List.copyOf(all));
    }

    /** Writes a secret file with owner-only permissions once; a concurrent writer's file wins. */
    public void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }

    private String readOrCreate(String name, Supplier<String> generator) {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            try {
                writeOwnerOnly(file, generator.get());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                    throw e;
                }
            }
        }
        ensureOwnerOnlyDirectory();
        return read(file);
    }

    /** Directories made by an earlier version were world-readable: tighten them. */
    private void ensureOwnerOnlyDirectory() {
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot restrict " + directory + " to its owner", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static JWK parse(String json, String source) {
        try {
            JWK key = JWK.parse(json);
            if (!key.isPrivate()) {
                throw new IllegalStateException("The signing key in " + source + " has no private part");
            }
            algorithmOf(key);
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key in " + source + " is unreadable");
        }
    }

    private static JWSAlgorithm algorithmOf(JWK key) {
        if (KeyType.EC.equals(key.getKeyType())) {
            return JWSAlgorithm.ES256;
        }
        if (KeyType.RSA.equals(key.getKeyType())) {
            return JWSAlgorithm.RS256;
        }
        throw new IllegalStateException("A signing key must be an EC (P-256) or RSA key");
    }

    private static String newEcKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the token signing key", e);
        }
    }

    private static String newRsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the token signing key", e);
        }
    }
}
