package dev.aegis.aims;

import java.util.Collection;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What every AIMS record shares: its human reference ("POL-001", "NC-007": the next number after the highest one of a
 * prefix, never reused; a reference of another shape does not take part in the numbering) and the refusal of a change
 * made to a copy someone else changed meanwhile.
 */
final class AimsRecords {

    private AimsRecords() {}

    /** The next reference of {@code prefix} (e.g. "NC") after the {@code existing} references (any prefix). */
    static String next(String prefix, Collection<String> existing) {
        String start = prefix + "-";
        int max = 0;
        for (String ref : existing) {
            if (!ref.startsWith(start)) {
                continue;
            }
            try {
                max = Math.max(max, Integer.parseInt(ref.substring(start.length())));
            } catch (NumberFormatException ignored) {
                // a reference of another shape does not take part in the numbering
            }
        }
        return "%s-%03d".formatted(prefix, max + 1);
    }

    /** The refusal of a change to {@code what} read at version {@code yours} while it is now at {@code current}. */
    static OptimisticLockingFailureException stale(String what, long current, long yours) {
        return new OptimisticLockingFailureException(what + " was changed by someone else meanwhile (now at " + current
                + ", you read " + yours + "). Reload it and try again.");
    }
}
