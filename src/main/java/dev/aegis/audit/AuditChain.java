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
        return hash(prevHash, id, occurredAt, actor, objectType, objectId, action, changes, null);
    }

    /**
     * As above, with the object's label when the entry keeps one: the label is then hashed as one more field, so it is
     * as tamper-evident as the rest; entries without a label (all those written before labels were kept) hash as
     * they always did.
     */
    static String hash(
            String prevHash,
            long id,
            Instant occurredAt,
            String actor,
            String objectType,
            String objectId,
            String action,
            String changes,
            String objectLabel) {
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
        if (objectLabel != null) {
            content.append('|').append(objectLabel.length()).append(':').append(objectLabel);
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
