package dev.aegis.aims;

import dev.aegis.shared.DomainRuleException;
import java.util.Collection;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What every AIMS record shares: its human reference ("POL-001", "NC-007": the next number after the highest one of a
 * prefix, never reused; a reference of another shape does not take part in the numbering), the refusal of a change
 * made to a copy someone else changed meanwhile, and the checks of the texts people enter.
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

    /**
     * A text that must be given: stripped; refused with {@code missing} when blank and when longer than {@code max}
     * characters, each time naming {@code field}.
     */
    static String requiredText(String field, String value, int max, String missing) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new DomainRuleException(field, missing);
        }
        if (v.length() > max) {
            throw new DomainRuleException(field, "Keep it to " + String.format("%,d", max) + " characters.");
        }
        return v;
    }

    /** A text that may be left out: null when blank, else stripped and refused when longer than {@code max}. */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainRuleException(
                    field, "Keep this to " + String.format(Locale.ROOT, "%,d", max) + " characters.");
        }
        return v;
    }
}
