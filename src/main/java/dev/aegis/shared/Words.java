package dev.aegis.shared;

import java.util.Locale;

/**
 * Codes in words for the few a module's vocabulary does not name: {@code EXTEND_RECORD} → "Extend record",
 * {@code AlertRule} → "Alert rule", {@code lastEvaluatedAt} → "Last evaluated at". A fallback, never the first
 * choice: each module's vocabulary names its codes.
 */
public final class Words {

    private Words() {}

    public static String of(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.trim()
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .replace('_', ' ')
                .replace('-', ' ')
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
