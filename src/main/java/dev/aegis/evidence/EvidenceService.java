package dev.aegis.evidence;

import dev.aegis.control.ControlService;
import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.evidence.EvidenceEvents.EvidenceAdded;
import dev.aegis.evidence.EvidenceEvents.EvidenceChanged;
import dev.aegis.evidence.EvidenceEvents.EvidenceDownloaded;
import dev.aegis.evidence.EvidenceEvents.EvidenceExported;
import dev.aegis.evidence.EvidenceEvents.EvidenceLinked;
import dev.aegis.evidence.EvidenceEvents.EvidenceRemoved;
import dev.aegis.evidence.EvidenceEvents.EvidenceReviewed;
import dev.aegis.evidence.EvidenceEvents.EvidenceVersionAdded;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.files.UploadInspector;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.validation.Checked;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence register. Governance officers and administrators manage all evidence; a system owner adds and changes
 * evidence of the AI systems they own (an item linked to at least one of their systems, and only links to their own
 * systems made or undone); auditors read and download. Every download is in the audit log. A reviewer signs off the
 * current version and must not be the item's owner (four eyes); a new version needs a new sign-off. Changes name the
 * version they were made against, so a stale copy is refused instead of overwriting someone else's change.
 */
@Service
@Transactional
public class EvidenceService {

    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','SYSTEM_OWNER')";
    static final String MANAGERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String CONTRIBUTORS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER')";

    private final EvidenceItems items;
    private final EvidenceVersions versions;
    private final EvidenceLinks links;
    private final EvidenceFiles files;
    private final UploadInspector inspector;
    private final AiSystemService systems;
    private final ControlService controls;
    private final FrameworkCatalog catalog;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int warningDays;
    private final UserDirectory people;
    private final Validator validator;

    EvidenceService(
            EvidenceItems items,
            EvidenceVersions versions,
            EvidenceLinks links,
            EvidenceFiles files,
            UploadInspector inspector,
            AiSystemService systems,
            ControlService controls,
            FrameworkCatalog catalog,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${aegis.evidence.expiry-warning-days:30}") int warningDays,
            UserDirectory people,
            Validator validator) {
        this.people = people;
        this.validator = validator;
        this.items = items;
        this.versions = versions;
        this.links = links;
        this.files = files;
        this.inspector = inspector;
        this.systems = systems;
        this.controls = controls;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.warningDays = warningDays;
    }

    /**
     * Filters for the register; null or blank means any. {@code control} and {@code system} match items linked to that
     * control or AI system now; {@code expiring} matches items whose current version has expired or expires within
     * the warning window.
     */
    public record Filter(String text, EvidenceKind kind, Long control, Long system, boolean expiring) {
        public static Filter none() {
            return new Filter(null, null, null, null, false);
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                parts.add("text=" + text.strip());
            }
            if (kind != null) {
                parts.add("kind=" + kind);
            }
            if (control != null) {
                parts.add("control=" + control);
            }
            if (system != null) {
                parts.add("system=" + system);
            }
            if (expiring) {
                parts.add("expiring");
            }
            return parts.isEmpty() ? "none" : String.join(", ", parts);
        }
    }

    /** What an item is linked to now. */
    public record Links(Set<Long> controlIds, Set<Long> requirementIds, Set<Long> systemIds) {
        public Links {
            controlIds = controlIds == null ? Set.of() : Set.copyOf(controlIds);
            requirementIds = requirementIds == null ? Set.of() : Set.copyOf(requirementIds);
            systemIds = systemIds == null ? Set.of() : Set.copyOf(systemIds);
        }

        public static Links none() {
            return new Links(Set.of(), Set.of(), Set.of());
        }

        Set<Long> of(LinkTarget target) {
            return switch (target) {
                case CONTROL -> controlIds;
                case REQUIREMENT -> requirementIds;
                case SYSTEM -> systemIds;
            };
        }
    }

    /** A version's content for a download: name, type, size, SHA-256 and the bytes. */
    public record Download(String fileName, String mediaType, long size, String sha256, InputStream content) {}

    /** How many items have expired and how many expire within the warning window, for the dashboard. */
    public record ExpiryFigures(long expired, long expiring, int windowDays) {}

    // ---- reading ---------------------------------------------------------------------------------------------

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<EvidenceItem> search(Filter filter, Pageable page) {
        return items.findAll(specification(filter), page);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return items.count(specification(filter));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public EvidenceItem get(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("No evidence " + id));
    }

    /** The controls, requirements and AI systems the item is linked to now. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Links links(long id) {
        return currentLinks(id);
    }

    /** The item's versions, newest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<EvidenceVersion> versions(long id) {
        get(id);
        return versions.findByItemIdOrderByNumberDesc(id);
    }

    /** The item in its current version, as reports read it. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public EvidenceRecord record(long id) {
        EvidenceItem item = get(id);
        EvidenceVersion v = version(id, item.getCurrentVersion());
        Links l = currentLinks(id);
        return new EvidenceRecord(
                id,
                v.getNumber(),
                item.getTitle(),
                item.getKind(),
                item.getOwner(),
                v.getCollectedOn(),
                v.getEffectiveFrom(),
                v.getEffectiveTo(),
                v.getExpiresOn(),
                v.getReviewedBy(),
                v.getReviewedAt(),
                v.getFileName(),
                v.getMediaType(),
                v.getSize(),
                v.getSha256(),
                v.getUrl(),
                l.controlIds(),
                l.requirementIds(),
                l.systemIds());
    }

    /**
     * The evidence linked to any of these controls (and, when {@code systemIds} is not empty, to one of those systems
     * or to no system at all), each in the version that was current at {@code asOf}, with the links as they stood
     * then; items created after {@code asOf} are left out, and a review signed after it does not show. Ordered by id.
     */
    @PreAuthorize(READERS)
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

    /**
     * The stored bytes of a FILE version (or the JSON of a RECORD version), for packs and reports; the caller records
     * its own export in the audit log. A download by a person goes through {@link #download}, which is audited.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public InputStream content(long id, int version) {
        return bytesOf(version(id, version));
    }

    /** A version's content for a person to download; the download is recorded in the audit log. */
    @PreAuthorize(READERS)
    public Download download(long id, int version) {
        EvidenceVersion v = version(id, version);
        InputStream content = bytesOf(v);
        events.publishEvent(new EvidenceDownloaded(id, version, v.getFileName(), v.getSha256()));
        return new Download(v.getFileName(), v.getMediaType(), v.getSize(), v.getSha256(), content);
    }

    /** Expired and expiring evidence (the current version expires within the warning window), soonest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<EvidenceItem> dueForRenewal(int limit) {
        Filter f = new Filter(null, null, null, null, true);
        return items.findAll(
                        specification(f),
                        PageRequest.of(
                                0, Math.max(1, limit), Sort.by("expiresOn").and(Sort.by("id"))))
                .getContent();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ExpiryFigures expiryFigures() {
        LocalDate today = LocalDate.now(clock);
        Long expired = jdbc.queryForObject(
                "select count(*) from evidence.evidence_item where expires_on <= ?", Long.class, today);
        Long soon = jdbc.queryForObject(
                "select count(*) from evidence.evidence_item where expires_on > ? and expires_on <= ?",
                Long.class,
                today,
                today.plusDays(warningDays));
        return new ExpiryFigures(expired == null ? 0 : expired, soon == null ? 0 : soon, warningDays);
    }

    /** How many days ahead an expiry counts as coming (aegis.evidence.expiry-warning-days). */
    public int warningDays() {
        return warningDays;
    }

    // ---- what the signed-in user may do (for the screens; each write checks again) ---------------------------

    public boolean mayManage() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    public boolean mayAdd() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "SYSTEM_OWNER");
    }

    /** Whether the signed-in user may change this item (managers; a system owner when it serves one of their systems). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayChange(long id) {
        if (mayManage()) {
            return true;
        }
        return Actors.hasAnyRole("SYSTEM_OWNER")
                && currentLinks(id).systemIds().stream().anyMatch(this::ownsSystem);
    }

    /** Whether the signed-in user may sign off this item (a manager who is not its owner). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayReview(long id) {
        EvidenceItem item = get(id);
        return mayManage() && !item.getOwner().equalsIgnoreCase(Actors.current()) && !item.isReviewed();
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** Adds an uploaded file as a new item (version 1), inspected first (size, type by content, SHA-256). */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceItem addFile(EvidenceDetails details, String fileName, InputStream content) {
        check(details);
        people.requireKnown("owner", "evidence owner", details.owner());
        requireMayLink(Set.of(), details.systemIds(), true);
        InspectedFile file = inspector.inspect("file", fileName, content);
        return add(
                EvidenceKind.FILE,
                null,
                details,
                (id, at) ->
                        EvidenceVersion.ofFile(id, 1, details.dates(), file, files.keep(file), Actors.current(), at));
    }

    /** Adds a link to evidence kept elsewhere (http or https) as a new item. */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceItem addLink(EvidenceDetails details, String url) {
        check(details);
        people.requireKnown("owner", "evidence owner", details.owner());
        requireMayLink(Set.of(), details.systemIds(), true);
        String address = address(url);
        return add(
                EvidenceKind.LINK,
                null,
                details,
                (id, at) -> EvidenceVersion.ofLink(id, 1, details.dates(), address, Actors.current(), at));
    }

    /**
     * Changes title, description, owner, the current version's dates and the links. A system owner may change items
     * serving their systems and make or undo links only to systems they own.
     */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceItem update(long id, long expectedVersion, EvidenceDetails details) {
        EvidenceItem item = current(id, expectedVersion);
        Links before = currentLinks(id);
        requireMayChange(before);
        requireMayLink(before.systemIds(), details.systemIds(), false);
        check(details);
        people.requireKnown("owner", "evidence owner", details.owner(), item.getOwner());
        Instant now = clock.instant();
        item.describe(details.title(), details.description(), details.owner(), now);
        item.showDates(details.dates(), now);
        version(id, item.getCurrentVersion()).date(details.dates());
        items.saveAndFlush(item);
        events.publishEvent(new EvidenceChanged(id, item.getTitle(), item.getOwner(), describe(details.dates())));
        relink(id, new Links(details.controlIds(), details.requirementIds(), details.systemIds()), before, now);
        return item;
    }

    /** Makes and undoes links so that the item is linked to exactly these controls, requirements and systems. */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceItem link(long id, long expectedVersion, Links wanted) {
        EvidenceItem item = current(id, expectedVersion);
        Links before = currentLinks(id);
        requireMayChange(before);
        requireMayLink(before.systemIds(), wanted.systemIds(), false);
        Instant now = clock.instant();
        if (relink(id, wanted, before, now)) {
            item.touch(now);
            items.saveAndFlush(item);
        }
        return item;
    }

    /**
     * Adds a newly uploaded file as version n+1 of a FILE item, with the dates of the new file (the old versions are
     * kept and stay downloadable; the new version needs a new review).
     */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceVersion addFileVersion(
            long id, long expectedVersion, Dates dates, String fileName, InputStream content) {
        EvidenceItem item = current(id, expectedVersion);
        requireKind(
                item,
                EvidenceKind.FILE,
                "A new file goes to a file item; this one is a "
                        + item.getKind().label().toLowerCase(Locale.ROOT) + ".");
        requireMayChange(currentLinks(id));
        Dates d = checked(dates);
        InspectedFile file = inspector.inspect("file", fileName, content);
        return nextVersion(
                item, d, (n, at) -> EvidenceVersion.ofFile(id, n, d, file, files.keep(file), Actors.current(), at));
    }

    /** Adds a new address as version n+1 of a LINK item. */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceVersion addLinkVersion(long id, long expectedVersion, Dates dates, String url) {
        EvidenceItem item = current(id, expectedVersion);
        requireKind(
                item,
                EvidenceKind.LINK,
                "A new address goes to a link item; this one is a "
                        + item.getKind().label().toLowerCase(Locale.ROOT) + ".");
        requireMayChange(currentLinks(id));
        Dates d = checked(dates);
        String address = address(url);
        return nextVersion(item, d, (n, at) -> EvidenceVersion.ofLink(id, n, d, address, Actors.current(), at));
    }

    /**
     * Signs off the current version as reviewed by the signed-in user, who must not be the item's owner: evidence is
     * reviewed by a second person.
     */
    @PreAuthorize(MANAGERS)
    public EvidenceItem review(long id, long expectedVersion) {
        EvidenceItem item = current(id, expectedVersion);
        String reviewer = Actors.current();
        if (item.getOwner().equalsIgnoreCase(reviewer)) {
            throw new DomainRuleException(
                    "reviewer",
                    "The owner cannot sign off their own evidence; another "
                            + "governance officer or administrator reviews it.");
        }
        if (item.isReviewed()) {
            throw new DomainRuleException(
                    "reviewer",
                    "Version " + item.getCurrentVersion() + " was already signed off by " + item.getReviewedBy() + ".");
        }
        Instant now = clock.instant();
        item.signOff(reviewer, now);
        version(id, item.getCurrentVersion()).signOff(reviewer, now);
        items.saveAndFlush(item);
        events.publishEvent(new EvidenceReviewed(id, item.getCurrentVersion(), reviewer));
        return item;
    }

    /** Removes an item with its versions and links (governance officers, administrators). */
    @PreAuthorize(MANAGERS)
    public void remove(long id, long expectedVersion) {
        EvidenceItem item = current(id, expectedVersion);
        items.delete(item);
        items.flush();
        events.publishEvent(new EvidenceRemoved(id, item.getTitle()));
    }

    // ---- for the records Aegis files itself (RecordKeeper) --------------------------------------------------

    /** Makes a RECORD item with its first version; the caller has checked there is none for the key. */
    EvidenceItem addRecord(String recordKey, EvidenceDetails details, String fileName, String json) {
        return add(
                EvidenceKind.RECORD,
                recordKey,
                details,
                (id, at) -> EvidenceVersion.ofRecord(id, 1, details.dates(), fileName, json, Actors.current(), at));
    }

    EvidenceVersion addRecordVersion(EvidenceItem item, Dates dates, String fileName, String json) {
        long id = item.getId();
        return nextVersion(
                item, dates, (n, at) -> EvidenceVersion.ofRecord(id, n, dates, fileName, json, Actors.current(), at));
    }

    /** Adds links the item lacks (never undoes one), e.g. a control mapped to one more requirement since. */
    void addLinks(long id, Links more) {
        Links before = currentLinks(id);
        Links union = new Links(
                union(before.controlIds(), more.controlIds()),
                union(before.requirementIds(), more.requirementIds()),
                union(before.systemIds(), more.systemIds()));
        relink(id, union, before, clock.instant());
    }

    // ---- export ----------------------------------------------------------------------------------------------

    /** The columns of the register's CSV and XLSX export. */
    static final List<String> COLUMNS = List.of(
            "id",
            "title",
            "kind",
            "owner",
            "version",
            "collected_on",
            "effective_from",
            "effective_to",
            "expires_on",
            "reviewed_by",
            "reviewed_at",
            "file_name",
            "media_type",
            "size",
            "sha256",
            "url",
            "controls",
            "requirements",
            "systems");

    /**
     * Writes every item matching the filter in its current version, {@value #EXPORT_PAGE} at a time in id order, with
     * the names of the controls and AI systems it is linked to, and records the export in the audit log. Returns the
     * number of rows.
     */
    @PreAuthorize(READERS)
    @Transactional
    public long export(Filter filter, TabularFormat format, OutputStream out) {
        long rows = 0;
        try (TableWriter writer = TableWriter.open(format, out, COLUMNS)) {
            Long after = null;
            List<EvidenceItem> page;
            do {
                Long last = after;
                Specification<EvidenceItem> spec = specification(filter);
                if (last != null) {
                    spec = spec.and((r, q, cb) -> cb.greaterThan(r.get("id"), last));
                }
                page = items.findAll(spec, PageRequest.of(0, EXPORT_PAGE, Sort.by("id")))
                        .getContent();
                List<Long> ids = page.stream().map(EvidenceItem::getId).toList();
                Map<Long, Links> linksOf = currentLinks(ids);
                Map<Long, EvidenceVersion> current = new HashMap<>();
                versions.findByItemIdInOrderByItemIdAscNumberAsc(ids).forEach(v -> current.put(v.getItemId(), v));
                Set<Long> controlIds = new HashSet<>();
                Set<Long> systemIds = new HashSet<>();
                linksOf.values().forEach(l -> {
                    controlIds.addAll(l.controlIds());
                    systemIds.addAll(l.systemIds());
                });
                Map<Long, String> controlNames = controlIds.isEmpty()
                        ? Map.of()
                        : controls.get(controlIds).stream()
                                .collect(Collectors.toMap(c -> c.getId(), c -> c.getTitle()));
                Map<Long, String> systemNames = systems.names(systemIds);
                for (EvidenceItem i : page) {
                    EvidenceVersion v = current.get(i.getId());
                    Links l = linksOf.get(i.getId());
                    writer.row(java.util.Arrays.asList(
                            i.getId(),
                            i.getTitle(),
                            i.getKind().name(),
                            i.getOwner(),
                            i.getCurrentVersion(),
                            i.getCollectedOn(),
                            i.getEffectiveFrom(),
                            i.getEffectiveTo(),
                            i.getExpiresOn(),
                            i.getReviewedBy(),
                            i.getReviewedAt() == null ? null : i.getReviewedAt().toString(),
                            v == null ? null : v.getFileName(),
                            v == null ? null : v.getMediaType(),
                            v == null ? null : v.getSize(),
                            v == null ? null : v.getSha256(),
                            v == null ? null : v.getUrl(),
                            names(l.controlIds(), controlNames),
                            joined(l.requirementIds()),
                            names(l.systemIds(), systemNames)));
                    after = i.getId();
                    rows++;
                }
            } while (page.size() == EXPORT_PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new EvidenceExported(
                format.name().toLowerCase(Locale.ROOT), rows, (filter == null ? Filter.none() : filter).describe()));
        return rows;
    }

    private static final int EXPORT_PAGE = 500;

    private static String names(Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).sorted().collect(Collectors.joining("; "));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface FirstVersion {
        EvidenceVersion make(long itemId, Instant at);
    }

    @FunctionalInterface
    private interface NextVersion {
        EvidenceVersion make(int number, Instant at);
    }

    private EvidenceItem add(EvidenceKind kind, String recordKey, EvidenceDetails details, FirstVersion first) {
        check(details);
        Instant now = clock.instant();
        EvidenceItem item = new EvidenceItem(kind, recordKey, Actors.current(), now);
        item.describe(details.title(), details.description(), details.owner(), now);
        item.advanceTo(1, details.dates(), now);
        item = items.saveAndFlush(item);
        EvidenceVersion v = versions.saveAndFlush(first.make(item.getId(), now));
        events.publishEvent(new EvidenceAdded(item.getId(), item.getTitle(), kind, item.getOwner()));
        events.publishEvent(versionAdded(v));
        relink(
                item.getId(),
                new Links(details.controlIds(), details.requirementIds(), details.systemIds()),
                Links.none(),
                now);
        return item;
    }

    private EvidenceVersion nextVersion(EvidenceItem item, Dates dates, NextVersion make) {
        Instant now = clock.instant();
        int number = item.getCurrentVersion() + 1;
        EvidenceVersion v = versions.saveAndFlush(make.make(number, now));
        item.advanceTo(number, dates, now);
        items.saveAndFlush(item);
        events.publishEvent(versionAdded(v));
        return v;
    }

    private static EvidenceVersionAdded versionAdded(EvidenceVersion v) {
        return new EvidenceVersionAdded(
                v.getItemId(),
                v.getNumber(),
                v.getFileName(),
                v.getMediaType(),
                v.getSize(),
                v.getSha256(),
                v.getUrl());
    }

    private boolean relink(long id, Links wanted, Links before, Instant now) {
        validateTargets(wanted, before);
        String actor = Actors.current();
        boolean changed = false;
        List<EvidenceLink> current = links.findByItemIdAndUnlinkedAtIsNull(id);
        for (LinkTarget target : LinkTarget.values()) {
            Set<Long> want = wanted.of(target);
            Set<Long> had = before.of(target);
            Set<Long> added = new TreeSet<>(want);
            added.removeAll(had);
            Set<Long> removed = new TreeSet<>(had);
            removed.removeAll(want);
            if (added.isEmpty() && removed.isEmpty()) {
                continue;
            }
            for (EvidenceLink l : current) {
                if (l.targetType() == target && removed.contains(l.targetId())) {
                    l.undo(actor, now);
                }
            }
            links.flush();
            for (Long t : added) {
                links.save(new EvidenceLink(id, target, t, actor, now));
            }
            links.flush();
            events.publishEvent(new EvidenceLinked(id, target, joined(added), joined(removed)));
            changed = true;
        }
        return changed;
    }

    /** Links made now must name existing controls, requirements and systems (old links may outlive their target). */
    private void validateTargets(Links wanted, Links before) {
        Set<Long> newControls = minus(wanted.controlIds(), before.controlIds());
        if (!newControls.isEmpty() && controls.get(newControls).size() != newControls.size()) {
            throw new DomainRuleException(
                    "controlIds",
                    "No control with id "
                            + missing(
                                    newControls,
                                    controls.get(newControls).stream()
                                            .map(c -> c.getId())
                                            .collect(Collectors.toSet()))
                            + ".");
        }
        Set<Long> newRequirements = minus(wanted.requirementIds(), before.requirementIds());
        if (!newRequirements.isEmpty()) {
            Set<Long> found = catalog.requirements(newRequirements).stream()
                    .map(r -> r.id())
                    .collect(Collectors.toSet());
            if (found.size() != newRequirements.size()) {
                throw new DomainRuleException(
                        "requirementIds", "No framework requirement with id " + missing(newRequirements, found) + ".");
            }
        }
        Set<Long> newSystems = minus(wanted.systemIds(), before.systemIds());
        if (!newSystems.isEmpty()) {
            Set<Long> found = systems.names(newSystems).keySet();
            if (found.size() != newSystems.size()) {
                throw new DomainRuleException("systemIds", "No AI system with id " + missing(newSystems, found) + ".");
            }
        }
    }

    private void requireMayChange(Links before) {
        if (mayManage()) {
            return;
        }
        if (before.systemIds().stream().noneMatch(this::ownsSystem)) {
            throw new AccessDeniedException("A system owner changes only evidence of the AI systems they own.");
        }
    }

    /** A system owner makes or undoes links only to systems they own; new evidence must serve one of them. */
    private void requireMayLink(Set<Long> before, Set<Long> after, boolean creating) {
        if (mayManage()) {
            return;
        }
        if (creating && after.isEmpty()) {
            throw new AccessDeniedException(
                    "A system owner adds evidence for one of the AI systems they own: link it to one.");
        }
        Set<Long> changed = new HashSet<>(minus(after, before));
        changed.addAll(minus(before, after));
        for (Long system : changed) {
            if (!ownsSystem(system)) {
                throw new AccessDeniedException("A system owner links evidence only to AI systems they own.");
            }
        }
    }

    private boolean ownsSystem(long systemId) {
        try {
            return systems.get(systemId).isOwnedBy(Actors.current());
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void check(EvidenceDetails details) {
        Checked.valid(validator, details);
        if (details.title() == null || details.title().isBlank()) {
            throw new DomainRuleException("title", "Give the evidence a title.");
        }
        if (details.owner() == null || details.owner().isBlank()) {
            throw new DomainRuleException("owner", "Name the owner (a user name).");
        }
        checked(details.dates());
    }

    private Dates checked(Dates dates) {
        Dates d = dates == null ? new Dates(LocalDate.now(clock), null, null, null) : dates;
        if (d.effectiveFrom() != null
                && d.effectiveTo() != null
                && d.effectiveTo().isBefore(d.effectiveFrom())) {
            throw new DomainRuleException("effectiveTo", "The period cannot end before it starts.");
        }
        if (d.collectedOn() != null && d.collectedOn().isAfter(LocalDate.now(clock))) {
            throw new DomainRuleException("collectedOn", "Evidence cannot be collected in the future.");
        }
        if (d.expiresOn() != null && d.collectedOn() != null && d.expiresOn().isBefore(d.collectedOn())) {
            throw new DomainRuleException("expiresOn", "Evidence cannot expire before it was collected.");
        }
        return d;
    }

    private static void requireKind(EvidenceItem item, EvidenceKind kind, String message) {
        if (item.getKind() != kind) {
            throw new DomainRuleException("kind", message);
        }
    }

    private static String address(String url) {
        if (url == null || url.isBlank()) {
            throw new DomainRuleException("url", "Give the address of the evidence (http or https).");
        }
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null
                    || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new DomainRuleException("url", "An evidence link is an http or https address.");
            }
            if (url.strip().length() > 2000) {
                throw new DomainRuleException("url", "At most 2,000 characters.");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new DomainRuleException("url", "This is not a valid address: " + e.getReason() + ".");
        }
    }

    private EvidenceItem current(long id, long expectedVersion) {
        EvidenceItem item = get(id);
        if (item.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(EvidenceItem.class, id);
        }
        return item;
    }

    private EvidenceVersion version(long id, int number) {
        return versions.findByItemIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("No version " + number + " of evidence " + id));
    }

    private InputStream bytesOf(EvidenceVersion v) {
        if (v.getRecord() != null) {
            return new ByteArrayInputStream(v.getRecord().getBytes(StandardCharsets.UTF_8));
        }
        if (v.getSha256() == null) {
            throw new DomainRuleException(
                    "version", "Version " + v.getNumber() + " is a link, not a file: open " + v.getUrl() + ".");
        }
        return files.open(v.getStorage(), v.getSha256());
    }

    Links currentLinks(long id) {
        Map<LinkTarget, Set<Long>> byTarget = new EnumMap<>(LinkTarget.class);
        for (EvidenceLink l : links.findByItemIdAndUnlinkedAtIsNull(id)) {
            byTarget.computeIfAbsent(l.targetType(), k -> new TreeSet<>()).add(l.targetId());
        }
        return new Links(
                byTarget.get(LinkTarget.CONTROL),
                byTarget.get(LinkTarget.REQUIREMENT),
                byTarget.get(LinkTarget.SYSTEM));
    }

    /** The current links of many items at once (for grids and exports). */
    Map<Long, Links> currentLinks(Collection<Long> ids) {
        Map<Long, Map<LinkTarget, Set<Long>>> all = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            for (EvidenceLink l : links.findByItemIdInAndUnlinkedAtIsNull(ids)) {
                all.computeIfAbsent(l.itemId(), k -> new EnumMap<>(LinkTarget.class))
                        .computeIfAbsent(l.targetType(), k -> new TreeSet<>())
                        .add(l.targetId());
            }
        }
        Map<Long, Links> result = new HashMap<>();
        for (Long id : ids) {
            Map<LinkTarget, Set<Long>> m = all.getOrDefault(id, Map.of());
            result.put(
                    id, new Links(m.get(LinkTarget.CONTROL), m.get(LinkTarget.REQUIREMENT), m.get(LinkTarget.SYSTEM)));
        }
        return result;
    }

    static Specification<EvidenceItem> specification(Filter f, LocalDate expiringBy) {
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (f.text() != null && !f.text().isBlank()) {
                String like = "%"
                        + f.text()
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                p.add(cb.or(
                        cb.like(cb.lower(root.get("title")), like, '\\'),
                        cb.like(cb.lower(cb.coalesce(root.get("description"), "")), like, '\\'),
                        cb.like(cb.lower(root.get("owner")), like, '\\')));
            }
            if (f.kind() != null) {
                p.add(cb.equal(root.get("kind"), f.kind()));
            }
            for (var entry : Map.of(
                            LinkTarget.CONTROL,
                            java.util.Optional.ofNullable(f.control()),
                            LinkTarget.SYSTEM,
                            java.util.Optional.ofNullable(f.system()))
                    .entrySet()) {
                if (entry.getValue().isEmpty()) {
                    continue;
                }
                Subquery<Long> sub = query.subquery(Long.class);
                var l = sub.from(EvidenceLink.class);
                sub.select(l.get("itemId"))
                        .where(
                                cb.equal(l.get("itemId"), root.get("id")),
                                cb.equal(l.get("targetType"), entry.getKey()),
                                cb.equal(l.get("targetId"), entry.getValue().get()),
                                cb.isNull(l.get("unlinkedAt")));
                p.add(cb.exists(sub));
            }
            if (f.expiring()) {
                p.add(cb.lessThanOrEqualTo(root.get("expiresOn"), expiringBy));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }

    private Specification<EvidenceItem> specification(Filter f) {
        return specification(f == null ? Filter.none() : f, LocalDate.now(clock).plusDays(warningDays));
    }

    private static String describe(Dates d) {
        return "collected " + d.collectedOn() + ", effective " + d.effectiveFrom() + " – " + d.effectiveTo()
                + ", expires " + d.expiresOn();
    }

    private static Set<Long> minus(Set<Long> a, Set<Long> b) {
        Set<Long> r = new TreeSet<>(a);
        r.removeAll(b);
        return r;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> r = new TreeSet<>(a);
        r.addAll(b);
        return r;
    }

    private static String missing(Set<Long> wanted, Set<Long> found) {
        return joined(minus(wanted, found));
    }

    private static String joined(Set<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
