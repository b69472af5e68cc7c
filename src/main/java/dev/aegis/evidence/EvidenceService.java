package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.evidence.EvidenceEvents.EvidenceAdded;
import dev.aegis.evidence.EvidenceEvents.EvidenceChanged;
import dev.aegis.evidence.EvidenceEvents.EvidenceDownloaded;
import dev.aegis.evidence.EvidenceEvents.EvidenceRemoved;
import dev.aegis.evidence.EvidenceEvents.EvidenceReviewed;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.files.UploadInspector;
import dev.aegis.shared.validation.Checked;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
    private final EvidenceLinking linking;
    private final EvidenceVersioning versioning;
    private final EvidenceFiles files;
    private final UploadInspector inspector;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int warningDays;
    private final UserDirectory people;
    private final Validator validator;

    EvidenceService(
            EvidenceItems items,
            EvidenceVersions versions,
            EvidenceLinking linking,
            EvidenceVersioning versioning,
            EvidenceFiles files,
            UploadInspector inspector,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${aegis.evidence.expiry-warning-days:30}") int warningDays,
            UserDirectory people,
            Validator validator) {
        this.people = people;
        this.validator = validator;
        this.items = items;
        this.versions = versions;
        this.linking = linking;
        this.versioning = versioning;
        this.files = files;
        this.inspector = inspector;
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

    // ---- reading ---------------------------------------------------------------------------------------------

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<EvidenceItem> search(Filter filter, Pageable page) {
        return items.findAll(filtered(filter), page);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return items.count(filtered(filter));
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
        return linking.currentLinks(id);
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
        EvidenceVersion v = versioning.version(id, item.getCurrentVersion());
        Links l = linking.currentLinks(id);
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
     * The stored bytes of a FILE version (or the JSON of a RECORD version), for packs and reports; the caller records
     * its own export in the audit log. A download by a person goes through {@link #download}, which is audited.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public InputStream content(long id, int version) {
        return versioning.bytesOf(versioning.version(id, version));
    }

    /** A version's content for a person to download; the download is recorded in the audit log. */
    @PreAuthorize(READERS)
    public Download download(long id, int version) {
        EvidenceVersion v = versioning.version(id, version);
        InputStream content = versioning.bytesOf(v);
        events.publishEvent(new EvidenceDownloaded(id, version, v.getFileName(), v.getSha256()));
        return new Download(v.getFileName(), v.getMediaType(), v.getSize(), v.getSha256(), content);
    }

    // ---- what the signed-in user may do (for the screens; each write checks again) ---------------------------

    public boolean mayManage() {
        return manages();
    }

    /** Governance officers and administrators manage all evidence. */
    static boolean manages() {
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
                && linking.currentLinks(id).systemIds().stream().anyMatch(linking::ownsSystem);
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
        linking.requireMayLink(Set.of(), details.systemIds(), true);
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
        linking.requireMayLink(Set.of(), details.systemIds(), true);
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
        Links before = linking.currentLinks(id);
        linking.requireMayChange(before);
        linking.requireMayLink(before.systemIds(), details.systemIds(), false);
        check(details);
        people.requireKnown("owner", "evidence owner", details.owner(), item.getOwner());
        Instant now = clock.instant();
        item.describe(details.title(), details.description(), details.owner(), now);
        item.showDates(details.dates(), now);
        versioning.version(id, item.getCurrentVersion()).date(details.dates());
        items.saveAndFlush(item);
        events.publishEvent(new EvidenceChanged(id, item.getTitle(), item.getOwner(), describe(details.dates())));
        linking.relink(id, new Links(details.controlIds(), details.requirementIds(), details.systemIds()), before, now);
        return item;
    }

    /** Makes and undoes links so that the item is linked to exactly these controls, requirements and systems. */
    @PreAuthorize(CONTRIBUTORS)
    public EvidenceItem link(long id, long expectedVersion, Links wanted) {
        EvidenceItem item = current(id, expectedVersion);
        Links before = linking.currentLinks(id);
        linking.requireMayChange(before);
        linking.requireMayLink(before.systemIds(), wanted.systemIds(), false);
        Instant now = clock.instant();
        if (linking.relink(id, wanted, before, now)) {
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
        linking.requireMayChange(linking.currentLinks(id));
        Dates d = checked(dates);
        InspectedFile file = inspector.inspect("file", fileName, content);
        return versioning.nextVersion(
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
        linking.requireMayChange(linking.currentLinks(id));
        Dates d = checked(dates);
        String address = address(url);
        return versioning.nextVersion(
                item, d, (n, at) -> EvidenceVersion.ofLink(id, n, d, address, Actors.current(), at));
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
        versioning.version(id, item.getCurrentVersion()).signOff(reviewer, now);
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
        return versioning.nextVersion(
                item, dates, (n, at) -> EvidenceVersion.ofRecord(id, n, dates, fileName, json, Actors.current(), at));
    }

    // ---- internals -------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface FirstVersion {
        EvidenceVersion make(long itemId, Instant at);
    }

    private EvidenceItem add(EvidenceKind kind, String recordKey, EvidenceDetails details, FirstVersion first) {
        check(details);
        Instant now = clock.instant();
        EvidenceItem item = new EvidenceItem(kind, recordKey, Actors.current(), now);
        item.describe(details.title(), details.description(), details.owner(), now);
        item.advanceTo(1, details.dates(), now);
        item = items.saveAndFlush(item);
        events.publishEvent(new EvidenceAdded(item.getId(), item.getTitle(), kind, item.getOwner()));
        versioning.first(first.make(item.getId(), now));
        linking.relink(
                item.getId(),
                new Links(details.controlIds(), details.requirementIds(), details.systemIds()),
                Links.none(),
                now);
        return item;
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

    /** The filter as a query, "expiring" meaning within the warning window. */
    Specification<EvidenceItem> filtered(Filter f) {
        return specification(f == null ? Filter.none() : f, LocalDate.now(clock).plusDays(warningDays));
    }

    private static String describe(Dates d) {
        return "collected " + d.collectedOn() + ", effective " + d.effectiveFrom() + " – " + d.effectiveTo()
                + ", expires " + d.expiresOn();
    }
}
