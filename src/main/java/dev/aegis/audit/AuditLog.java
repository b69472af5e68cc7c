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

    private static final long CHAIN_LOCK = 0x41454749534c4f47L; // "AEGISLOG"
    private final JdbcTemplate jdbc;
    private final AuditEntries entries;
    private final Clock clock;
    private final Reports reports;

    AuditLog(JdbcTemplate jdbc, AuditEntries entries, Clock clock, Reports reports) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.entries = entries;
        this.clock = clock;
    }

    /** What a verification of the whole chain found. */
    public record Verification(boolean intact, long entries, Long firstBrokenEntry) {
    }

    /** Filters for reading the log; null means any. */
    public record Filter(String actor, String objectType, String objectId, String action, Instant from, Instant to) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public long append(String actor, String objectType, String objectId, String action, Map<String, ?> changes) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, CHAIN_LOCK);
        List<String> last = jdbc.queryForList("select hash from audit.audit_entry order by id desc limit 1", String.class);
        String prev = last.isEmpty() ? AuditChain.GENESIS : last.getFirst();
        long id = jdbc.queryForObject("select nextval('audit.audit_entry_seq')", Long.class);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String who = actor == null || actor.isBlank() ? Actors.current() : actor;
        String body = CanonicalJson.write(changes == null ? Map.of() : changes);
        String type = truncate(objectType, 100);
        String oid = objectId == null ? null : truncate(objectId, 100);
        String act = truncate(action, 60);
        who = truncate(who, 100);
        String hash = AuditChain.hash(prev, id, at, who, type, oid, act, body);
        jdbc.update("insert into audit.audit_entry (id, occurred_at, actor, object_type, object_id, action, changes, "
                + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, Timestamp.from(at), who, type, oid, act, body, prev, hash);
        return id;
    }

    /** Walks the whole chain in id order and names the first entry whose link or content does not hold. */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public Verification verify() {
        AtomicReference<String> expectedPrev = new AtomicReference<>(AuditChain.GENESIS);
        AtomicLong count = new AtomicLong();
        AtomicReference<Long> broken = new AtomicReference<>();
        jdbc.query("select id, occurred_at, actor, object_type, object_id, action, changes, prev_hash, hash "
                + "from audit.audit_entry order by id", rs -> {
                    count.incrementAndGet();
                    if (broken.get() != null) {
                        return;
                    }
                    long id = rs.getLong(1);
                    Instant at = rs.getTimestamp(2).toInstant();
                    String prev = rs.getString(8);
                    String recomputed = AuditChain.hash(prev, id, at, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7));
                    if (!prev.equals(expectedPrev.get()) || !recomputed.equals(rs.getString(9))) {
                        broken.set(id);
                    }
                    expectedPrev.set(rs.getString(9));
                });
        return new Verification(broken.get() == null, count.get(), broken.get());
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
            out.write("id,occurred_at,actor,object_type,object_id,action,changes,prev_hash,hash\r\n");
            var sort = org.springframework.data.domain.Sort.by("id");
            int page = 0;
            Page<AuditEntry> chunk;
            long rows = 0;
            do {
                chunk = entries.findAll(specification(filter), org.springframework.data.domain.PageRequest.of(page++, 1000, sort));
                for (AuditEntry e : chunk) {
                    out.write(String.join(",", String.valueOf(e.getId()), e.getOccurredAt().toString(), csv(e.getActor()),
                            csv(e.getObjectType()), csv(e.getObjectId()), csv(e.getAction()), csv(e.getChanges()),
                            e.getPrevHash(), e.getHash()));
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
    public record PdfRow(Long id, String occurredAt, String actor, String action, String objectType, String objectId,
            String changes, String hash) {
        public Long getId() { return id; }
        public String getOccurredAt() { return occurredAt; }
        public String getActor() { return actor; }
        public String getAction() { return action; }
        public String getObjectType() { return objectType; }
        public String getObjectId() { return objectId; }
        public String getChanges() { return changes; }
        public String getHash() { return hash; }
    }

    /**
     * Writes the matching entries (oldest first, at most {@link #PDF_ROW_LIMIT}) as a PDF with the chain's verification
     * on its first page, and records the export itself in the log.
     */
    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional
    public void exportPdf(Filter filter, java.io.OutputStream out) {
        Verification chain = verify();
        Page<AuditEntry> page = entries.findAll(specification(filter),
                org.springframework.data.domain.PageRequest.of(0, PDF_ROW_LIMIT, org.springframework.data.domain.Sort.by("id")));
        List<PdfRow> rows = page.stream().map(e -> new PdfRow(e.getId(),
                e.getOccurredAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"), e.getActor(), AuditVocabulary.action(e.getAction()),
                AuditVocabulary.objectType(e.getObjectType()), e.getObjectId(),
                String.join("\n", AuditVocabulary.changes(e.getChanges())), e.getHash())).toList();
        String status = chain.intact()
                ? "Hash chain verified intact over all " + chain.entries() + " entries."
                : "WARNING: hash chain broken at entry #" + chain.firstBrokenEntry() + " of " + chain.entries() + ".";
        if (page.getTotalElements() > PDF_ROW_LIMIT) {
            status += " This excerpt holds the first " + PDF_ROW_LIMIT + " of " + page.getTotalElements()
                    + " matching entries; narrow the filter or export CSV for all.";
        }
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("generatedBy", Actors.current());
        parameters.put("generatedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        parameters.put("filter", describe(filter).isEmpty() ? "none (all entries)" : describe(filter).toString());
        parameters.put("chainStatus", status);
        reports.pdf("audit-log", rows, parameters, out);
        append(null, "AuditLog", null, "EXPORT", Map.of("format", "pdf", "rows", rows.size(), "filter", describe(filter)));
    }

    private static Specification<AuditEntry> specification(Filter f) {
        List<Specification<AuditEntry>> parts = new ArrayList<>();
        if (hasText(f.actor())) {
            parts.add((r, q, cb) -> cb.like(cb.lower(r.get("actor")), "%" + f.actor().toLowerCase() + "%"));
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
