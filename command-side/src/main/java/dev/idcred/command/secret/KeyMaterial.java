package dev.idcred.command.secret;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.Base64;
import java.util.UUID;

/**
 * The service's own secrets, kept under {@code DATA_DIR/keys} in files only their owner can read: the pepper
 * that keys every credential's secret hash, and the key that signs access tokens. Made at first start, read at
 * every later one, so a restart keeps every secret and token valid. {@code SECRET_PEPPER} and {@code SIGNING_KEY}
 * override the files, for several command-side instances that must agree.
 */
@Component
public class KeyMaterial {

    private final Path directory;
    private final String pepperFromEnvironment;
    private final String signingKeyFromEnvironment;

    public KeyMaterial(@Value("${credentials.data-dir:./data}") Path dataDir,
                       @Value("${credentials.secret-pepper:}") String pepperFromEnvironment,
                       @Value("${credentials.signing-key:}") String signingKeyFromEnvironment) {
        this.directory = dataDir.resolve("keys");
        this.pepperFromEnvironment = pepperFromEnvironment;
        this.signingKeyFromEnvironment = signingKeyFromEnvironment;
    }

    /** {@code SECRET_PEPPER} (base64) when set, so every command-side instance hashes alike; else the file. */
    public byte[] secretPepper() {
        String encoded = !pepperFromEnvironment.isBlank() ? pepperFromEnvironment : readOrCreate("secret-pepper", () -> {
            byte[] pepper = new byte[32];
            new SecureRandom().nextBytes(pepper);
            return Base64.getEncoder().encodeToString(pepper);
        });
        return Base64.getDecoder().decode(encoded.trim());
    }

    /** {@code SIGNING_KEY} (an RSA JWK with its private part) when set; else the file. */
    public RSAKey signingKey() {
        String json = !signingKeyFromEnvironment.isBlank() ? signingKeyFromEnvironment
                : readOrCreate("signing-key.jwk.json", () -> {
            try {
                return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate().toJSONString();
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate the token signing key", e);
            }
        });
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("The token signing key in " + directory + " is unreadable", e);
        }
    }

    /** Writes a secret file with owner-only permissions once; a concurrent writer's file wins. */
    public void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file, e);
        }
    }

    private String readOrCreate(String name, java.util.function.Supplier<String> generator) {
        Path file = directory.resolve(name);
        try {
            if (!Files.exists(file)) {
                try {
                    writeOwnerOnly(file, generator.get());
                } catch (IllegalStateException e) {
                    if (!(e.getCause() instanceof FileAlreadyExistsException)) {
                        throw e;
                    }
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
