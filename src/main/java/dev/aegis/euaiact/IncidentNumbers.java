package dev.aegis.euaiact;

import java.util.Collection;

/** Incident references: "INC-001", the next after the highest, never reused. */
final class IncidentNumbers {

    private IncidentNumbers() {}

    static String next(Collection<String> existing) {
        int max = 0;
        for (String ref : existing) {
            if (ref.startsWith("INC-")) {
                try {
                    max = Math.max(max, Integer.parseInt(ref.substring(4)));
                } catch (NumberFormatException ignored) {
                    // another shape takes no part in the numbering
                }
            }
        }
        return "INC-%03d".formatted(max + 1);
    }
}
