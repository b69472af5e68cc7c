package dev.aegis.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence register as it stood at a moment, as evidence packs read it: each item in the version current then,
 * with its links as they stood (links keep when they were made and undone, versions when they were added).
 */
@Service
public class EvidenceHistory {

    private final JdbcTemplate jdbc;

    EvidenceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The evidence linked to any of these controls (and, when {@code systemIds} is not empty, to one of those systems
     * or to no system at all), each in the version that was current at {@code asOf}, with the links as they stood
     * then; items created after {@code asOf} are left out, and a review signed after it does not show. Ordered by id.
     */
    @PreAuthorize(EvidenceService.READERS)
    @Transactional(readOnly = true)
    public List<EvidenceRecord> forScope(Set<Long> controlIds, Set<Long> systemIds, Instant asOf) {
        if (controlIds == null || controlIds.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
        Map<Long, Map<LinkTarget, Set<Long>>> linked = new HashMap<>();
        jdbc.query(
                """
                select l.item_id, l.target_type, l.target_id from evidence.evidence_link l
                where l.linked_at <= ? and (l.unlinked_at is null or l.unlinked_at > ?)
                  and l.item_id in (select c.item_id from evidence.evidence_link c
                                    join evidence.evidence_item i on i.id = c.item_id
                                    where c.target_type = 'CONTROL' and c.target_id = any(?) and i.created_at <= ?
                                      and c.linked_at <= ? and (c.unlinked_at is null or c.unlinked_at > ?))
                """,
                rs -> {
                    linked.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(LinkTarget.class))
                            .computeIfAbsent(LinkTarget.valueOf(rs.getString(2)), k -> new TreeSet<>())
                            .add(rs.getLong(3));
                },
                at,
                at,
                controlIds.toArray(Long[]::new),
                at,
                at,
                at);
        List<Long> ids = linked.entrySet().stream()
                .filter(e -> systemIds == null
                        || systemIds.isEmpty()
                        || e.getValue()
                                .getOrDefault(LinkTarget.SYSTEM, Set.of())
                                .isEmpty()
                        || e.getValue().get(LinkTarget.SYSTEM).stream().anyMatch(systemIds::contains))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Long[] idArray = ids.toArray(Long[]::new);
        Map<Long, Object[]> heads = new HashMap<>();
        jdbc.query(
                "select id, title, kind, owner from evidence.evidence_item where id = any(?)",
                rs -> {
                    heads.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                },
                (Object) idArray);
        List<EvidenceRecord> records = new ArrayList<>();
        jdbc.query(
                """
                select distinct on (item_id) item_id, number, collected_on, effective_from, effective_to, expires_on,
                       reviewed_by, reviewed_at, file_name, media_type, size, sha256, url
                from evidence.evidence_version where item_id = any(?) and created_at <= ?
                order by item_id, number desc
                """,
                rs -> {
                    long id = rs.getLong("item_id");
                    Object[] head = heads.get(id);
                    Map<LinkTarget, Set<Long>> l = linked.get(id);
                    Instant reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class) == null
                            ? null
                            : rs.getObject("reviewed_at", OffsetDateTime.class).toInstant();
                    boolean reviewedThen = reviewedAt != null && !reviewedAt.isAfter(asOf);
                    Long size = rs.getObject("size", Long.class);
                    records.add(new EvidenceRecord(
                            id,
                            rs.getInt("number"),
                            (String) head[0],
                            EvidenceKind.valueOf((String) head[1]),
                            (String) head[2],
                            rs.getObject("collected_on", LocalDate.class),
                            rs.getObject("effective_from", LocalDate.class),
                            rs.getObject("effective_to", LocalDate.class),
                            rs.getObject("expires_on", LocalDate.class),
                            reviewedThen ? rs.getString("reviewed_by") : null,
                            reviewedThen ? reviewedAt : null,
                            rs.getString("file_name"),
                            rs.getString("media_type"),
                            size,
                            rs.getString("sha256"),
                            rs.getString("url"),
                            l.getOrDefault(LinkTarget.CONTROL, Set.of()),
                            l.getOrDefault(LinkTarget.REQUIREMENT, Set.of()),
                            l.getOrDefault(LinkTarget.SYSTEM, Set.of())));
                },
                idArray,
                at);
        return records;
    }
}
