package dev.aegis.framework;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The identifiers Aegis gives things in OSCAL documents. Control and group ids are derived from reference ids, so a
 * catalog export and a mapping export of the same framework always agree on them; uuids are name-based (version 5),
 * so exporting the same content twice gives the same document. Public for the other OSCAL documents Aegis writes
 * (the evidence packs' assessment results), so they name requirements as the catalog export does.
 */
public final class OscalIds {

    public static final String OSCAL_VERSION = "1.2.1";
    /** Qualifies the properties only Aegis defines (kind, assessable, framework code, review flags). */
    public static final String AEGIS_NS = "https://aegis.dev/ns/oscal";

    private static final UUID NAMESPACE = UUID.fromString("47297917-fa44-4432-b21a-8127af2c0b36");

    private OscalIds() {}

    /**
     * The OSCAL id of every requirement of one framework (withdrawn ones included, since mappings may still name
     * them). Two reference ids that come out the same get a suffix; the older requirement keeps the plain id, so ids
     * stay put when a later version adds a look-alike.
     */
    static Map<Long, String> of(List<Requirement> requirements) {
        List<Requirement> byAge = requirements.stream()
                .sorted(Comparator.comparing((Requirement r) -> r.id))
                .toList();
        Set<String> natural = new HashSet<>();
        byAge.forEach(r -> natural.add(token(r.refId)));
        Set<String> taken = new HashSet<>();
        Map<Long, String> ids = new LinkedHashMap<>();
        for (Requirement r : byAge) {
            String id = token(r.refId);
            if (!taken.add(id)) {
                int n = 2;
                while (natural.contains(id + "-" + n) || taken.contains(id + "-" + n)) {
                    n++;
                }
                id = id + "-" + n;
                taken.add(id);
            }
            ids.put(r.id, id);
        }
        return ids;
    }

    /**
     * "GOVERN 1.1" → "govern-1.1", "LLM01:2025" → "llm01-2025", "AML.T0051.000" → "aml.t0051.000", "4.1" → "_4.1":
     * OSCAL tokens start with a letter or underscore and hold only letters, digits, dots, dashes and underscores.
     */
    public static String token(String refId) {
        StringBuilder out = new StringBuilder();
        for (int cp : refId.toLowerCase(Locale.ROOT).codePoints().toArray()) {
            boolean keep = Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-';
            if (keep) {
                out.appendCodePoint(cp);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        while (!out.isEmpty() && out.charAt(out.length() - 1) == '-') {
            out.setLength(out.length() - 1);
        }
        if (out.isEmpty() || !(Character.isLetter(out.codePointAt(0)) || out.charAt(0) == '_')) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** A name-based (SHA-1, version 5) uuid in Aegis's namespace: the same name always gives the same uuid. */
    public static UUID uuid(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits())
                    .array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bits.getLong(), bits.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalog's uuid changes whenever its content does (a new version, a re-imported custom framework). */
    static UUID catalog(Framework f) {
        return uuid("catalog:" + f.code + "@" + f.catalogVersion + "#" + f.contentHash);
    }
}
