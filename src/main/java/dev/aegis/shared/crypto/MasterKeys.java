package dev.aegis.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The master keys, read once from the environment: {@code AEGIS_MASTER_KEY} (base64 of 32 random bytes) seals every
 * new secret; {@code AEGIS_MASTER_KEY_PREVIOUS} (comma-separated, same form) only opens secrets sealed before a
 * rotation. Without {@code AEGIS_MASTER_KEY} Aegis keeps one in {@code AEGIS_MASTER_KEY_FILE}
 * ({@code ./data/master.key}, made at first start with owner-only permissions) so that a fresh machine starts. A key
 * is known by its id (a hash of it), never by its value: no key is ever logged.
 */
@Component
class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    static final int KEY_BYTES = 32;

    private final String given;
    private final String previous;
    private final Path file;
    private volatile Keys keys;

    record Keys(String currentId, Map<String, byte[]> byId) {}

    MasterKeys(
            @Value("${aegis.crypto.master-key:}") String given,
            @Value("${aegis.crypto.previous-master-keys:}") String previous,
            @Value("${aegis.crypto.master-key-file:./data/master.key}") String file) {
        this.given = given == null ? "" : given.strip();
        this.previous = previous == null ? "" : previous.strip();
        this.file = Path.of(file.isBlank() ? "./data/master.key" : file.strip());
    }

    /** The id of the key that seals new secrets. */
    String currentId() {
        return keys().currentId();
    }

    /** The AES key for {@code purpose} derived from the master key with id {@code keyId}, or null when unknown. */
    byte[] derived(String keyId, String purpose) {
        byte[] master = keys().byId().get(keyId);
        return master == null ? null : hmac(master, "aegis/" + purpose);
    }

    private Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k;
    }

    private Keys load() {
        byte[] current = given.isEmpty() ? fromFile() : decode(given, "AEGIS_MASTER_KEY");
        Map<String, byte[]> byId = new LinkedHashMap<>();
        String currentId = id(current);
        byId.put(currentId, current);
        List<String> old = new ArrayList<>();
        for (String part : previous.split(",")) {
            if (!part.isBlank()) {
                byte[] key = decode(part.strip(), "AEGIS_MASTER_KEY_PREVIOUS");
                byId.putIfAbsent(id(key), key);
                old.add(id(key));
            }
        }
        log.info(
                "Master key {} seals new secrets{}",
                currentId,
                old.isEmpty() ? "" : "; previous key(s) " + old + " only open older ones");
        return new Keys(currentId, Map.copyOf(byId));
    }

    private byte[] fromFile() {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            } catch (FileAlreadyExistsException e) {
                // another instance on this machine made it meanwhile: use that one
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            log.warn("""

                    ================================================================
                     AEGIS_MASTER_KEY is not set. Aegis generated a master key into
                       {}
                     (readable by this user only). It encrypts the signing key and the
                     telemetry tokens kept in the database: back it up apart from the
                     database backups, or set AEGIS_MASTER_KEY from a secret store and
                     remove the file. Without it those secrets cannot be read.
                    ================================================================""", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "AEGIS_MASTER_KEY is not set and " + file.toAbsolutePath() + " cannot be read or written: "
                            + e.getMessage(),
                    e);
        }
    }

    private static byte[] decode(String value, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " holds " + key.length + " bytes, not " + KEY_BYTES
                    + " (make one with: openssl rand -base64 32)");
        }
        return key;
    }

    /** A key's id: the first 12 hex digits of a hash of it, which tells keys apart and reveals nothing of them. */
    static String id(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("aegis master key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(info.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
