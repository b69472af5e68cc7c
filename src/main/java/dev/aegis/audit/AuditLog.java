package dev.aegis.audit;

import dev.aegis.shared.Actors;
import dev.aegis.shared.reports.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes, reads and verifies the audit log. Appending takes a transaction-wide advisory lock so that entries from
 * every Aegis instance form one chain in id order; the entry commits (or rolls back) with the change it records.
 */
@Service
public class AuditLog {

    static final long CHAIN_LOCK = 0x41454749534c4f47L; // "AEGISLOG"
    private final JdbcTemplate jdbc;
    private final AuditEntries entries;
    private final Clock clock;
    private final Reports reports;

    private final AuditCheckpoints checkpoints;

    AuditLog(JdbcTemplate jdbc, AuditEntries entries, Clock clock, Reports reports, AuditCheckpoints checkpoints) {
        this.reports = reports;
        this.checkpoints = checkpoints;
        this.jdbc = jdbc;
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * What a verification of the whole chain found: {@code intact} when every entry's link and content hold and the
     * chain matches every signed checkpoint. {@code firstBrokenEntry} names the first entry whose link or content does
     * not hold; {@code contradictedCheckpoint} the first checkpoint the chain no longer matches (a history rewritten
     * with every later hash recomputed); {@code finding} says it in words.
     */
    public record Verification(
            boolean intact,
            long entries,
            Long firstBrokenEntry,
            int checkpoints,
            Long contradictedCheckpoint,
            String finding) {
        public Verification(boolean intact, long entries, Long firstBrokenEntry) {
            this(intact, entries, firstBrokenEntry, 0, null, null);
        }
    }

    /** What checking a checkpoint handed over earlier (e.g. a pack's audit-checkpoint.json) against the log found. */
    public record CheckpointCheck(boolean matches, Long sequence, String hash, String finding, Verification chain) {}

    /** Filters for reading the log; null means any. */
    public record Filter(String actor, String objectType, String objectId, String action, Instant from, Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public long append(String actor, String objectType, String objectId, String action, Map<String, ?> changes) {
        return append(actor, objectType, objectId, null, action, changes);
    }

    /**
     * Appends an entry that keeps how people named the object at the time ({@code objectLabel}, e.g. "SC-44 · Human
     * oversight"; null when it has none).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public long append(
            String actor,
            String objectType,
            String objectId,
            String objectLabel,
            String action,
            Map<String, ?> changes) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, CHAIN_LOCK);
        List<String> last =
                jdbc.queryForList("select hash from audit.audit_entry order by id desc limit 1", String.class);
        String prev = last.isEmpty() ? AuditChain.GENESIS : last.getFirst();
        long id = jdbc.queryForObject("select nextval('audit.audit_entry_seq')", Long.class);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String who = actor == null || actor.isBlank() ? Actors.current() : actor;
        String body = CanonicalJson.write(changes == null ? Map.of() : changes);
        String type = truncate(objectType, 100);
        String oid = objectId == null ? null : truncate(objectId, 100);
        String act = truncate(action, 60);
        String label = objectLabel == null || objectLabel.isBlank()
                ? null
                : truncate(objectLabel.strip().replaceAll("\\s+", " "), 300);
        who = truncate(who, 100);
        String hash = AuditChain.hash(prev, id, at, who, type, oid, act, body, label);
        jdbc.update(
                "insert into audit.audit_entry (id, occurred_at, actor, object_type, object_id, object_label, action, "
                        + "changes, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                Timestamp.from(at),
                who,
                type,
                oid,
                label,
                act,
                body,
                prev,
                hash);
        return id;
    }

    /**
     * Walks the whole chain in id order, names the first entry whose link or content does not hold, and checks the
     * chain against every signed checkpoint (each checkpoint's signature, its link to the one before, and the hash
     * of the entry it signed).
     */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public Verification verify() {
        List<AuditCheckpoints.Checkpoint> all = checkpoints.all();
        String problem = checkpointsThemselves(all);
        Long contradicted = problem == null ? null : -1L;
        List<AuditCheckpoints.Checkpoint> bySequence = all.stream()
                .filter(c -> c.sequence() > 0)
                .sorted(java.util.Comparator.comparingLong(AuditCheckpoints.Checkpoint::sequence)
                        .thenComparingLong(AuditCheckpoints.Checkpoint::id))
                .toList();
        AtomicReference<String> expectedPrev = new AtomicReference<>(AuditChain.GENESIS);
        AtomicLong count = new AtomicLong();
        AtomicReference<Long> broken = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        AtomicReference<AuditCheckpoints.Checkpoint> contradiction = new AtomicReference<>();
        jdbc.query(
                "select id, occurred_at, actor, object_type, object_id, action, changes, prev_hash, hash, "
                        + "object_label from audit.audit_entry order by id",
                rs -> {
                    count.incrementAndGet();
                    long id = rs.getLong(1);
                    String hash = rs.getString(9);
                    while (next.get() < bySequence.size()
                            && bySequence.get(next.get()).sequence() <= id) {
                        AuditCheckpoints.Checkpoint c = bySequence.get(next.getAndIncrement());
                        if ((c.sequence() < id || !c.hash().equals(hash)) && contradiction.get() == null) {
                            contradiction.set(c);
                        }
                    }
                    if (broken.get() != null) {
                        return;
                    }
                    Instant at = rs.getTimestamp(2).toInstant();
                    String prev = rs.getString(8);
                    String recomputed = AuditChain.hash(
                            prev,
                            id,
                            at,
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(10));
                    if (!prev.equals(expectedPrev.get()) || !recomputed.equals(hash)) {
                        broken.set(id);
                    }
                    expectedPrev.set(hash);
                });
        if (next.get() < bySequence.size() && contradiction.get() == null) {
            contradiction.set(bySequence.get(next.get())); // the log ends before an entry a checkpoint signed
        }
        AuditCheckpoints.Checkpoint c = contradiction.get();
        if (problem == null && c != null) {
            contradicted = c.id();
            problem = "The log no longer matches checkpoint #" + c.id() + " signed " + c.signedAt() + ": entry "
                    + c.sequence() + " had hash " + c.hash() + " then. The history up to that entry was rewritten "
                    + "(or entries removed) after it was signed.";
        }
        if (broken.get() != null) {
            String chain = "Entry #" + broken.get() + " does not hold: its content or its link to the entry before was "
                    + "changed; entries from there on cannot be trusted.";
            problem = problem == null ? chain : chain + " " + problem;
        }
        boolean intact = broken.get() == null && problem == null;
        String finding = intact
                ? "Chain intact over all " + count.get() + " entries; it matches all " + all.size()
                        + " signed checkpoint" + (all.size() == 1 ? "" : "s") + "."
                : problem;
        return new Verification(intact, count.get(), broken.get(), all.size(), contradicted, finding);
    }

    /**
     * Checks a checkpoint handed over earlier (the JSON of a pack's {@code audit-checkpoint.json}, whose signature the
     * auditor checked with openssl) against the log as it stands: it must name the organisation's key as its signer,
     * the entry it names must still have its hash, and the whole chain must verify.
     */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public CheckpointCheck check(String checkpointJson) {
        var head = AuditCheckpoints.head(checkpointJson == null ? "" : checkpointJson)
                .orElseThrow(() -> new dev.aegis.shared.DomainRuleException(
                        "checkpoint",
                        "This is not an Aegis audit checkpoint "
                                + "(the content of audit-checkpoint.json from an evidence pack)."));
        Verification chain = verify();
        var foreign = checkpoints.keyMismatch(checkpointJson);
        if (foreign.isPresent()) {
            return new CheckpointCheck(false, head.getKey(), head.getValue(), foreign.get(), chain);
        }
        List<String> now =
                jdbc.queryForList("select hash from audit.audit_entry where id = ?", String.class, head.getKey());
        boolean matches = now.size() == 1 && now.getFirst().equals(head.getValue()) && chain.intact();
        String finding = now.isEmpty()
                ? "Entry " + head.getKey() + ", which the checkpoint signed, is no longer in the log."
                : !now.getFirst().equals(head.getValue())
                        ? "Entry " + head.getKey() + " now has hash " + now.getFirst() + ", not " + head.getValue()
                                + " as the checkpoint signed: the history up to it was rewritten."
                        : chain.intact()
                                ? "Entry " + head.getKey() + " still has the hash the checkpoint signed, and the chain "
                                        + "verifies: the log is the one the checkpoint saw, extended."
                                : "Entry " + head.getKey()
                                        + " still has the signed hash, but the chain does not verify: "
                                        + chain.finding();
        return new CheckpointCheck(matches, head.getKey(), head.getValue(), finding, chain);
    }

    /** What is wrong with the checkpoints by themselves (a signature, or a removed checkpoint), or null. */
    private String checkpointsThemselves(List<AuditCheckpoints.Checkpoint> all) {
        String previous = null;
        for (AuditCheckpoints.Checkpoint c : all) {
            String wrong = checkpoints.problemWith(c);
            if (wrong != null) {
                return wrong;
            }
            String named = AuditCheckpoints.previousOf(c);
            if (previous != null && !previous.equals(named)) {
                return "The checkpoint before #" + c.id() + " is not the one it names: a checkpoint was removed.";
            }
            previous = AuditCheckpoints.sha256(c.payload());
        }
        return null;
    }

    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Filter filter, Pageable page) {
        return entries.findAll(specification(filter), page);
    }

    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return entries.count(specification(filter));
    }

    /** Writes the matching entries as CSV and records the export itself in the log. */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional
    public void exportCsv(Filter filter, Writer out) {
        try {
            out.write("id,occurred_at,actor,object_type,object_id,object_label,action,changes,prev_hash,hash\r\n");
            var sort = org.springframework.data.domain.Sort.by("id");
            int page = 0;
            Page<AuditEntry> chunk;
            long rows = 0;
            do {
                chunk = entries.findAll(
                        specification(filter), org.springframework.data.domain.PageRequest.of(page++, 1000, sort));
                for (AuditEntry e : chunk) {
                    out.write(String.join(
                            ",",
                            String.valueOf(e.getId()),
                            e.getOccurredAt().toString(),
                            csv(e.getActor()),
                            csv(e.getObjectType()),
                            csv(e.getObjectId()),
                            csv(e.getObjectLabel()),
                            csv(e.getAction()),
                            csv(e.getChanges()),
                            e.getPrevHash(),
                            e.getHash()));
                    out.write("\r\n");
                    rows++;
                }
            } while (chunk.hasNext());
            out.flush();
            append(null, "AuditLog", null, "EXPORT", Map.of("format", "csv", "rows", rows, "filter", describe(filter)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most rows a PDF excerpt holds; a wider excerpt should be narrowed by filters or taken as CSV. */
    public static final int PDF_ROW_LIMIT = 5000;

    /** One row of the PDF excerpt, as the report template reads it. */
    public record PdfRow(
            Long id,
            String occurredAt,
            String actor,
            String action,
            String objectType,
            String object,
            String changes,
            String hash) {
        public Long getId() {
            return id;
        }

        public String getOccurredAt() {
            return occurredAt;
        }

        public String getActor() {
            return actor;
        }

        public String getAction() {
            return action;
        }

        public String getObjectType() {
            return objectType;
        }

        /** The object as people name it: its type and label (or id, for entries from before labels were kept). */
        public String getObject() {
            return object;
        }

        public String getChanges() {
            return changes;
        }

        public String getHash() {
            return hash;
        }
    }

    /**
     * Writes the matching entries (oldest first, at most {@link #PDF_ROW_LIMIT}) as a PDF with the chain's verification
     * on its first page, and records the export itself in the log.
     */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional
    public void exportPdf(Filter filter, java.io.OutputStream out) {
        Verification chain = verify();
        Page<AuditEntry> page = entries.findAll(
                specification(filter),
                org.springframework.data.domain.PageRequest.of(
                        0, PDF_ROW_LIMIT, org.springframework.data.domain.Sort.by("id")));
        List<PdfRow> rows = page.stream()
                .map(e -> new PdfRow(
                        e.getId(),
                        e.getOccurredAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"),
                        e.getActor(),
                        AuditVocabulary.action(e.getAction()),
                        AuditVocabulary.objectType(e.getObjectType()),
                        AuditVocabulary.object(e.getObjectType(), e.getObjectId(), e.getObjectLabel()),
                        String.join("\n", AuditVocabulary.changes(e.getChanges())),
                        e.getHash()))
                .toList();
        String status = chain.intact()
                ? "Hash chain verified intact over all " + chain.entries() + " entries, matching all "
                        + chain.checkpoints() + " signed checkpoints."
                : "WARNING: " + chain.finding();
        if (page.getTotalElements() > PDF_ROW_LIMIT) {
            status += " This excerpt holds the first " + PDF_ROW_LIMIT + " of " + page.getTotalElements()
                    + " matching entries; narrow the filter or export CSV for all.";
        }
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("generatedBy", Actors.current());
        parameters.put("generatedAt", dev.aegis.shared.Dates.minute(clock.instant()));
        parameters.put(
                "filter",
                describe(filter).isEmpty()
                        ? "none (all entries)"
                        : describe(filter).toString());
        parameters.put("chainStatus", status);
        reports.pdf("audit-log", rows, parameters, out);
        append(
                null,
                "AuditLog",
                null,
                "EXPORT",
                Map.of("format", "pdf", "rows", rows.size(), "filter", describe(filter)));
    }

    private static Specification<AuditEntry> specification(Filter f) {
        List<Specification<AuditEntry>> parts = new ArrayList<>();
        if (hasText(f.actor())) {
            parts.add((r, q, cb) ->
                    cb.like(cb.lower(r.get("actor")), "%" + f.actor().toLowerCase() + "%"));
        }
        if (hasText(f.objectType())) {
            parts.add((r, q, cb) -> cb.equal(r.get("objectType"), f.objectType()));
        }
        if (hasText(f.objectId())) {
            parts.add((r, q, cb) -> cb.equal(r.get("objectId"), f.objectId()));
        }
        if (hasText(f.action())) {
            parts.add((r, q, cb) -> cb.equal(r.get("action"), f.action()));
        }
        if (f.from() != null) {
            parts.add((r, q, cb) -> cb.greaterThanOrEqualTo(r.get("occurredAt"), f.from()));
        }
        if (f.to() != null) {
            parts.add((r, q, cb) -> cb.lessThan(r.get("occurredAt"), f.to()));
        }
        return Specification.allOf(parts);
    }

    private static Map<String, Object> describe(Filter f) {
        Map<String, Object> m = new java.util.TreeMap<>();
        if (hasText(f.actor())) m.put("actor", f.actor());
        if (hasText(f.objectType())) m.put("objectType", f.objectType());
        if (hasText(f.objectId())) m.put("objectId", f.objectId());
        if (hasText(f.action())) m.put("action", f.action());
        if (f.from() != null) m.put("from", f.from());
        if (f.to() != null) m.put("to", f.to());
        return m;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        // a cell starting with = + - @ would run as a formula in a spreadsheet
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
