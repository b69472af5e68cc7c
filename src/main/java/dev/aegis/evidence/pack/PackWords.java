package dev.aegis.evidence.pack;

import dev.aegis.inventory.SystemHistory.SystemAt;
import dev.aegis.risk.RiskVocabulary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words a pack and the other reports use for what the registers store as codes: times in UTC to the minute, risk
 * scores with their band, telemetry references described instead of their stored JSON, hashes broken into fixed-width
 * groups.
 */
final class PackWords {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR_MINUTE =
            DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] SMALL = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PackWords() {}

    /**
     * What a pack calls each AI system: its name, and where two share a name, their stage and tier in words ("Archive
     * system (in production, high tier)"), and failing that the order they were registered in ("… registered second").
     * Never an internal id.
     */
    static Map<Long, String> systemNames(List<SystemAt> systems) {
        Map<Long, String> names = new LinkedHashMap<>();
        var byName = systems.stream()
                .sorted(Comparator.comparingLong(SystemAt::id))
                .collect(Collectors.groupingBy(
                        s -> s.name().strip().toLowerCase(Locale.ROOT), LinkedHashMap::new, Collectors.toList()));
        for (var same : byName.values()) {
            if (same.size() == 1) {
                names.put(same.getFirst().id(), same.getFirst().name());
                continue;
            }
            var described = same.stream()
                    .collect(Collectors.toMap(
                            SystemAt::id,
                            s -> s.name() + " (" + words(s.lifecycleStage()) + ", " + words(s.tier()) + " tier)",
                            (a, b) -> a,
                            LinkedHashMap::new));
            boolean distinct = described.values().stream().distinct().count() == same.size();
            for (int i = 0; i < same.size(); i++) {
                var s = same.get(i);
                names.put(s.id(), distinct ? described.get(s.id()) : s.name() + " (registered " + ordinal(i + 1) + ")");
            }
        }
        return names;
    }

    /** "IN_PRODUCTION" → "in production"; null → "no stage". */
    private static String words(String constant) {
        return constant == null ? "unset" : constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String ordinal(int n) {
        String[] words = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"
        };
        return n <= words.length ? words[n - 1] : n + "th";
    }

    /** "2026-12-06 03:26 UTC". */
    static String time(Instant t) {
        return t == null ? "–" : MINUTE.format(t) + " UTC";
    }

    /** "2026-12-06 03:26–03:36 UTC" (the end's date only when it differs). */
    static String window(Instant from, Instant to) {
        if (from == null || to == null) {
            return "–";
        }
        boolean sameDay = from.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .equals(to.atZone(ZoneOffset.UTC).toLocalDate());
        return MINUTE.format(from) + "–" + (sameDay ? HOUR_MINUTE.format(to) : MINUTE.format(to)) + " UTC";
    }

    /** "ten minutes", "2 hours", "one day". */
    static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0 && minutes > 0) {
            return count(minutes / (24 * 60), "day");
        }
        if (minutes % 60 == 0 && minutes > 0) {
            return count(minutes / 60, "hour");
        }
        return count(minutes, "minute");
    }

    private static String count(long n, String unit) {
        return (n <= 12 ? SMALL[(int) n] : String.format(Locale.ROOT, "%,d", n)) + " " + unit + (n == 1 ? "" : "s");
    }

    /**
     * What a telemetry figure was compared with, in words: "reference: ten minutes of the deployment's own traffic,
     * 2026-12-06 03:26–03:36 UTC (1,240 events)", "reference: batch validation-2026 (500 events)". A reference that is
     * not the monitor's JSON is shown as it is.
     */
    static String reference(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(stored);
        } catch (RuntimeException e) {
            return "reference: " + stored;
        }
        if (n == null || !n.isObject()) {
            return "reference: " + stored;
        }
        String size = n.has("size")
                ? " (" + String.format(Locale.ROOT, "%,d", n.get("size").asLong()) + " events)"
                : "";
        String kind = n.path("kind").asString("");
        if ("TIME_RANGE".equals(kind) && n.has("from") && n.has("to")) {
            Instant from = Instant.parse(n.get("from").asString());
            Instant to = Instant.parse(n.get("to").asString());
            return "reference: " + duration(Duration.between(from, to)) + " of the deployment's own traffic, "
                    + window(from, to) + size;
        }
        if ("BATCH".equals(kind) && n.has("batch")) {
            return "reference: the batch \u201c" + n.get("batch").asString() + "\u201d sent as reference data" + size;
        }
        return "reference: " + stored;
    }

    /** "16 (critical)". */
    static String score(String score) {
        if (score == null || score.isBlank()) {
            return null;
        }
        try {
            return score + " ("
                    + RiskVocabulary.band(Integer.parseInt(score.strip())).toLowerCase(Locale.ROOT) + ")";
        } catch (NumberFormatException e) {
            return score;
        }
    }

    /** A SHA-256 (or any hash) in lines of 16 characters, for a monospaced column: it never wraps mid-group. */
    static String hash(String hex) {
        if (hex == null || hex.isBlank()) {
            return "–";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 16) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(hex, i, Math.min(hex.length(), i + 16));
        }
        return out.toString();
    }

    /** A SHA-256 in two lines of 32, for a wide monospaced value. */
    static String hashWide(String hex) {
        return hex == null ? "–" : hex.length() <= 32 ? hex : hex.substring(0, 32) + "\n" + hex.substring(32);
    }
}
