package dev.aegis.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain: {@code hash = SHA-256(prev_hash + canonical content)}, where the canonical content lists the
 * entry's fields, each prefixed with its length so that no two different entries read the same.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    static String hash(
            String prevHash,
            long id,
            Instant occurredAt,
            String actor,
            String objectType,
            String objectId,
            String action,
            String changes) {
        StringBuilder content = new StringBuilder(prevHash);
        for (String field : new String[] {
            String.valueOf(id),
            occurredAt.toString(),
            actor,
            objectType,
            objectId == null ? "" : objectId,
            action,
            changes
        }) {
            content.append('|').append(field.length()).append(':').append(field);
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
