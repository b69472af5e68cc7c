package dev.aegis.audit;

import dev.aegis.shared.Dates;
import dev.aegis.shared.MetricVocabulary;
import dev.aegis.shared.Words;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log's codes as people read them, for its screen and its exports: actions ({@code EXTEND_RECORD} →
 * "Extended a record"), object types ({@code AlertRule} → "Alert rule") and the changes of an entry as
 * {@code field: before → after}, one line per field.
 */
public final class AuditVocabulary {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ARROW = " → ";

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("CREATE", "Created"),
            Map.entry("UPDATE", "Changed"),
            Map.entry("DELETE", "Deleted"),
            Map.entry("EXPORT", "Exported"),
            Map.entry("DOWNLOAD", "Downloaded"),
            Map.entry("IMPORT", "Imported"),
            Map.entry("REVIEW", "Reviewed"),
            Map.entry("RESOLVE", "Resolved"),
            Map.entry("REOPEN", "Reopened"),
            Map.entry("RAISE", "Raised"),
            Map.entry("OPEN", "Opened"),
            Map.entry("INVESTIGATE", "Investigation started"),
            Map.entry("ACCEPT", "Accepted"),
            Map.entry("ACCEPTANCE_EXPIRED", "Acceptance expired"),
            Map.entry("SIGN_IN", "Signed in"),
            Map.entry("SIGN_OUT", "Signed out"),
            Map.entry("SIGN_IN_FAILED", "Sign-in failed"),
            Map.entry("LOCKED_OUT", "Locked out"),
            Map.entry("PASSWORD_CHANGED", "Password changed"),
            Map.entry("PASSWORD_RESET", "Password reset"),
            Map.entry("ROLES_CHANGED", "Roles changed"),
            Map.entry("TOKEN_CREATED", "API token created"),
            Map.entry("TOKEN_REVOKED", "API token revoked"),
            Map.entry("TWO_FACTOR_ENABLED", "Two-factor sign-in on"),
            Map.entry("TWO_FACTOR_RESET", "Two-factor sign-in reset"),
            Map.entry("ACTIVATE", "Activated"),
            Map.entry("DEACTIVATE", "Deactivated"),
            Map.entry("SEAL", "Sealed"),
            Map.entry("REQUEST", "Requested"),
            Map.entry("REVOKE", "Revoked"),
            Map.entry("REMOVE", "Removed"),
            Map.entry("LINK", "Linked"),
            Map.entry("LINK_DEPLOYMENT", "Deployment linked"),
            Map.entry("UNLINK_DEPLOYMENT", "Deployment unlinked"),
            Map.entry("ISSUE", "Issued"),
            Map.entry("PROPOSE", "Proposed"),
            Map.entry("CONFIRM", "Confirmed"),
            Map.entry("EXCLUDE", "Excluded"),
            Map.entry("CHANGE", "Changed"),
            Map.entry("ADD_VERSION", "Version added"),
            Map.entry("ADOPT_STARTER", "Starter library adopted"),
            Map.entry("EXTEND_RECORD", "Extended a record"),
            Map.entry("RECORD_PASSED", "Test passed"),
            Map.entry("RECORD_FAILED", "Test failed"),
            Map.entry("RECORD_NO_DATA", "Test without data"),
            Map.entry("OCCUR", "Occurred"),
            Map.entry("OBSERVE_OPEN", "Alert seen open"),
            Map.entry("OBSERVE_CLEARED", "Alert seen cleared"),
            Map.entry("RECOVERY_SEEN", "Recovery seen"),
            Map.entry("FAIL", "Failed"),
            Map.entry("FLAG_FOR_REASSESSMENT", "Flagged for reassessment"),
            Map.entry("FINDING_CONFIRMED_AS_RISK", "Finding confirmed as a risk"),
            Map.entry("REMINDER_SENT", "Reminder sent"),
            Map.entry("OVERDUE", "Overdue"),
            Map.entry("REASSESSMENT_STARTED", "Reassessment started"),
            Map.entry("REASSESSMENT_INTERVAL", "Reassessment interval set"),
            Map.entry("CERTIFICATE_EXPIRING", "Certificate expiring"),
            Map.entry("CERTIFICATE_EXPIRED", "Certificate expired"));

    private AuditVocabulary() {}

    /** An action in words; codes it does not know are spelt out ("WARN_30" → "Warn 30"). */
    public static String action(String code) {
        if (code == null) {
            return "";
        }
        String known = ACTIONS.get(code);
        return known != null ? known : Words.of(code);
    }

    /** "AlertRule" → "Alert rule". */
    public static String objectType(String code) {
        return Words.of(code)
                .replaceAll("^Ai ", "AI ")
                .replaceAll("^Soa ", "SoA ")
                .replace(" soa ", " SoA ");
    }

    /**
     * The object an entry is about as people read it: its type and the label kept when the entry was written ("Control
     * SC-44 · Human oversight"); entries from before labels were kept read "Evidence #7".
     */
    public static String object(String type, String id, String label) {
        String kind = type == null ? "" : objectType(type);
        if (label != null && !label.isBlank()) {
            return kind + " " + label;
        }
        return id == null ? kind : kind + " #" + id;
    }

    /**
     * An entry's changes, one line per field: {@code field: before → after} for a field that changed, else
     * {@code field: value}. Nested values are written as compact JSON; empty lists as "none".
     */
    public static List<String> changes(String json) {
        List<String> lines = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return lines;
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            lines.add(json);
            return lines;
        }
        if (!root.isObject()) {
            lines.add(value(root));
            return lines;
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode v = field.getValue();
            String name = Words.of(field.getKey()).toLowerCase(java.util.Locale.ROOT);
            if (v.isObject() && v.size() == 2 && v.has("before") && v.has("after")) {
                lines.add(name + ": " + value(field.getKey(), v.get("before")) + ARROW
                        + value(field.getKey(), v.get("after")));
            } else {
                lines.add(name + ": " + value(field.getKey(), v));
            }
        }
        return lines;
    }

    /** The first {@code most} lines of {@link #changes}, and how many more there are. */
    public static String changesShort(String json, int most) {
        List<String> all = changes(json);
        if (all.size() <= most) {
            return String.join("\n", all);
        }
        return String.join("\n", all.subList(0, most)) + "\n… " + (all.size() - most) + " more (hover to read all)";
    }

    /** A value as people read it: metric and comparison codes in words, timestamps to the minute, blanks as such. */
    private static String value(String key, JsonNode v) {
        String plain = value(v);
        if (v != null && v.isString()) {
            if ("metric".equals(key)) {
                return MetricVocabulary.metric(plain);
            }
            if ("comparison".equals(key)) {
                return MetricVocabulary.comparison(plain);
            }
            if (TIMESTAMP.matcher(plain).matches()) {
                try {
                    return Dates.minute(java.time.Instant.parse(plain));
                } catch (java.time.format.DateTimeParseException e) {
                    return plain;
                }
            }
            if (plain.isBlank()) {
                return "none";
            }
        }
        return plain;
    }

    private static final java.util.regex.Pattern TIMESTAMP =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "empty";
        }
        if (v.isString()) {
            String s = v.asString();
            if (s.startsWith("[") && s.endsWith("]")) { // a collection field, written as its list
                String inner = s.substring(1, s.length() - 1).trim();
                return inner.isEmpty() ? "none" : inner;
            }
            return s.equals("null") ? "empty" : s;
        }
        if (v.isArray()) {
            if (v.isEmpty()) {
                return "none";
            }
            List<String> items = new ArrayList<>();
            for (Iterator<JsonNode> it = v.iterator(); it.hasNext(); ) {
                items.add(value(it.next()));
            }
            return String.join(", ", items);
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }
}
