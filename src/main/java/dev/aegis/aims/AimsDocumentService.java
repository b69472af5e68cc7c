package dev.aegis.aims;

import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsContent.Exclusion;
import dev.aegis.aims.AimsContent.Party;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AimsVocabulary.VersionStatus;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document control every AIMS record follows, and the documents under it: the AI policy, topic policies and the
 * context and scope statement. A document has a stable reference (POL-001, SCO-001), an owner and a retention; what it
 * says is kept as numbered versions that go draft → in review → approved → published (in force) and end superseded by
 * the next published version or withdrawn. The approver of a version must not be its last editor (four eyes). Old
 * versions stay readable. Policies are acknowledged by everyone in the user directory, version by version.
 *
 * <p>Permissions, one per action: governance officers and administrators write ({@link #WRITE}) and approve
 * ({@link #APPROVE}); auditors read the whole register ({@link #READ}); everyone signed in reads the policies in force
 * and acknowledges them ({@link #READ_IN_FORCE}, {@link #ACKNOWLEDGE}).
 */
@Service
@Transactional
public class AimsDocumentService {

    /** The system actor's permissions (demo runner, reminders). */
    public static final String SYSTEM_READ = "SYSTEM:aims.read";

    static final String READ =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('" + SYSTEM_READ + "')";
    static final String READ_IN_FORCE =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER') or hasAuthority('"
                    + SYSTEM_READ + "')";
    static final String WRITE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String APPROVE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String ACKNOWLEDGE =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')";
    static final String EXPORT = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";

    static final int DEFAULT_RETENTION_YEARS = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AimsDocuments documents;
    private final DocumentVersions versions;
    private final Acknowledgements acknowledgements;
    private final UserDirectory people;
    private final AiSystemService systems;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    AimsDocumentService(
            AimsDocuments documents,
            DocumentVersions versions,
            Acknowledgements acknowledgements,
            UserDirectory people,
            AiSystemService systems,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.documents = documents;
        this.versions = versions;
        this.acknowledgements = acknowledgements;
        this.people = people;
        this.systems = systems;
        this.clock = clock;
    }

    /** The document's own details, the same for all its versions. {@code retentionYears} null means five years. */
    public record Details(String title, String owner, Integer retentionYears) {}

    /** An AI system named in a scope: its inventory id and name (null when it has since been removed). */
    public record SystemRef(long id, String name) {}

    /** One version as it stands, with its content: {@code policy} for policies, {@code scope} for the scope. */
    public record VersionView(
            int number,
            VersionStatus status,
            String changeNote,
            String editedBy,
            Instant editedAt,
            String submittedBy,
            Instant submittedAt,
            String approvedBy,
            Instant approvedAt,
            LocalDate effectiveFrom,
            LocalDate reviewBy,
            String publishedBy,
            Instant publishedAt,
            Instant endedAt,
            String endReason,
            long version,
            PolicyText policy,
            ContextAndScope scope,
            List<SystemRef> aiSystems) {

        /** "Version 2 · published · in force since 2026-12-01" */
        public String describe() {
            String text = "Version " + number + " · " + status.inSentence();
            if (status == VersionStatus.PUBLISHED && effectiveFrom != null) {
                text += " · in force since " + Dates.day(effectiveFrom);
            }
            return text;
        }
    }

    /** A document with every version, newest first. */
    public record DocumentView(
            long id,
            DocumentKind kind,
            String reference,
            String title,
            String owner,
            int retentionYears,
            String createdBy,
            Instant createdAt,
            long version,
            List<VersionView> versions) {

        /** The published version, in force, if there is one. */
        public VersionView inForce() {
            return versions.stream()
                    .filter(v -> v.status() == VersionStatus.PUBLISHED)
                    .findFirst()
                    .orElse(null);
        }

        /** The version being worked on (draft, in review or approved), if there is one. */
        public VersionView open() {
            return versions.stream()
                    .filter(v -> v.status().isOpen())
                    .findFirst()
                    .orElse(null);
        }

        public VersionView latest() {
            return versions.getFirst();
        }
    }

    /**
     * A line of the register: the document, its latest version's state, the version in force and its dates, and for
     * policies how many of the people in the directory acknowledged the version in force.
     */
    public record DocumentSummary(
            long id,
            DocumentKind kind,
            String reference,
            String title,
            String owner,
            int latestNumber,
            VersionStatus latestStatus,
            Integer inForceNumber,
            LocalDate effectiveFrom,
            LocalDate reviewBy,
            Integer acknowledged,
            Integer people) {

        /** "Published" or "Version 3 in review (version 2 in force)". */
        public String state() {
            if (inForceNumber == null || inForceNumber == latestNumber) {
                return latestStatus.label();
            }
            return "Version " + latestNumber + " " + latestStatus.inSentence() + " (version " + inForceNumber
                    + " in force)";
        }
    }

    /** Someone who acknowledged a policy version, and when. */
    public record Acknowledged(String username, String name, Instant at) {}

    /** Who acknowledged the version in force of a policy and who has not yet, among the people in the directory. */
    public record AcknowledgementStatus(
            int versionNumber, List<Acknowledged> acknowledged, List<Person> pending, boolean mine) {

        /** The share of people who acknowledged, in percent (100 when nobody is asked). */
        public int percent() {
            int all = acknowledged.size() + pending.size();
            return all == 0 ? 100 : (int) Math.round(100.0 * acknowledged.size() / all);
        }
    }

    // --- reading

    /** The register of documents of these kinds (all kinds when empty), by reference. */
    @PreAuthorize(READ_IN_FORCE)
    @Transactional(readOnly = true)
    public List<DocumentSummary> list(Collection<DocumentKind> kinds) {
        Set<DocumentKind> wanted =
                kinds == null || kinds.isEmpty() ? EnumSet.allOf(DocumentKind.class) : EnumSet.copyOf(kinds);
        boolean reader = mayReadRegister();
        if (!reader) {
            wanted.removeIf(k -> !k.isPolicy());
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<AimsDocument> docs = documents.findByKindInOrderByReference(wanted);
        Map<Long, List<DocumentVersion>> byDocument =
                versions
                        .findByDocumentIdInOrderByNumberDesc(
                                docs.stream().map(AimsDocument::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(DocumentVersion::getDocumentId));
        Set<String> everyone = usernames();
        Map<Long, Set<String>> acked = acknowledgedBy(byDocument.values().stream()
                .flatMap(List::stream)
                .filter(v -> v.getStatus() == VersionStatus.PUBLISHED)
                .map(DocumentVersion::getId)
                .toList());
        List<DocumentSummary> out = new ArrayList<>();
        for (AimsDocument d : docs) {
            List<DocumentVersion> vs = byDocument.getOrDefault(d.getId(), List.of());
            DocumentVersion inForce = vs.stream()
                    .filter(v -> v.getStatus() == VersionStatus.PUBLISHED)
                    .findFirst()
                    .orElse(null);
            if (!reader && inForce == null) {
                continue;
            }
            DocumentVersion latest = reader ? vs.getFirst() : inForce;
            Integer ackCount = null;
            Integer peopleCount = null;
            if (d.getKind().isPolicy() && inForce != null) {
                Set<String> who = acked.getOrDefault(inForce.getId(), Set.of());
                ackCount = (int) everyone.stream().filter(who::contains).count();
                peopleCount = everyone.size();
            }
            out.add(new DocumentSummary(
                    d.getId(),
                    d.getKind(),
                    d.getReference(),
                    d.getTitle(),
                    d.getOwner(),
                    latest.getNumber(),
                    latest.getStatus(),
                    inForce == null ? null : inForce.getNumber(),
                    inForce == null ? null : inForce.getEffectiveFrom(),
                    inForce == null ? null : inForce.getReviewBy(),
                    ackCount,
                    peopleCount));
        }
        return out;
    }

    /**
     * One document with its versions. Those who read only the policies in force see a policy's published and
     * superseded versions, never a draft.
     */
    @PreAuthorize(READ_IN_FORCE)
    @Transactional(readOnly = true)
    public DocumentView get(long id) {
        AimsDocument d = document(id);
        boolean reader = mayReadRegister();
        if (!reader && !d.getKind().isPolicy()) {
            throw new NotFoundException("No policy " + id);
        }
        List<DocumentVersion> vs = versions.findByDocumentIdOrderByNumberDesc(id).stream()
                .filter(v ->
                        reader || v.getStatus() == VersionStatus.PUBLISHED || v.getStatus() == VersionStatus.SUPERSEDED)
                .toList();
        if (vs.isEmpty()) {
            throw new NotFoundException("No policy " + id + " in force");
        }
        return view(d, vs);
    }

    /** One version of a document, as it stands (old versions exactly as they were). */
    @PreAuthorize(READ_IN_FORCE)
    @Transactional(readOnly = true)
    public VersionView version(long id, int number) {
        return get(id).versions().stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No version " + number + " of document " + id));
    }

    /** The people who may be named as owners and role holders, from the user directory. */
    @PreAuthorize(READ_IN_FORCE)
    @Transactional(readOnly = true)
    public List<Person> people() {
        return people.people();
    }

    /** The AI systems of the inventory a scope can name, by name. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<SystemRef> aiSystemChoices() {
        return systems.profiles().stream()
                .map(p -> new SystemRef(p.systemId(), p.name()))
                .sorted(java.util.Comparator.comparing(SystemRef::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Whether the signed-in person may draft and change documents (for the screens; the service checks again). */
    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    /** Whether the signed-in person reads the whole register, drafts included. */
    public boolean mayReadRegister() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR") || Actors.holds(SYSTEM_READ);
    }

    // --- drafting

    /** A new policy (AI policy or topic policy) as version 1, a draft. */
    @PreAuthorize(WRITE)
    public DocumentView draftPolicy(DocumentKind kind, Details details, PolicyText text) {
        if (kind == null || !kind.isPolicy()) {
            throw new DomainRuleException("kind", "Choose whether this is the AI policy or a topic policy.");
        }
        return draft(kind, details, json(checked(text)), null);
    }

    /** A new context and scope statement as version 1, a draft. */
    @PreAuthorize(WRITE)
    public DocumentView draftScope(Details details, ContextAndScope scope) {
        return draft(DocumentKind.CONTEXT_AND_SCOPE, details, json(checked(scope)), null);
    }

    /** Changes the document's title, owner or retention (every version shares them). */
    @PreAuthorize(WRITE)
    public DocumentView describe(long id, long expectedVersion, Details details) {
        AimsDocument d = document(id);
        if (d.getVersion() != expectedVersion) {
            throw AimsRecords.stale(d.getReference(), d.getVersion(), expectedVersion);
        }
        Details checked = checked(details);
        d.describe(checked.title(), checked.owner(), checked.retentionYears());
        documents.saveAndFlush(d);
        return get(id);
    }

    /** Rewrites a policy draft. {@code expectedVersion} is the version's lock version as read. */
    @PreAuthorize(WRITE)
    public DocumentView editPolicy(long id, int number, long expectedVersion, PolicyText text, String changeNote) {
        AimsDocument d = document(id);
        if (!d.getKind().isPolicy()) {
            throw new DomainRuleException("kind", d.getReference() + " is not a policy.");
        }
        return edit(d, number, expectedVersion, json(checked(text)), changeNote);
    }

    /** Rewrites a context and scope draft. */
    @PreAuthorize(WRITE)
    public DocumentView editScope(long id, int number, long expectedVersion, ContextAndScope scope, String changeNote) {
        AimsDocument d = document(id);
        if (d.getKind() != DocumentKind.CONTEXT_AND_SCOPE) {
            throw new DomainRuleException("kind", d.getReference() + " is not a context and scope statement.");
        }
        return edit(d, number, expectedVersion, json(checked(scope)), changeNote);
    }

    /** Starts the next version as a draft copy of the latest one. Only one version can be worked on at a time. */
    @PreAuthorize(WRITE)
    public DocumentView newVersion(long id, String changeNote) {
        AimsDocument d = document(id);
        List<DocumentVersion> vs = versions.findByDocumentIdOrderByNumberDesc(id);
        DocumentVersion latest = vs.getFirst();
        vs.stream().filter(v -> v.getStatus().isOpen()).findFirst().ifPresent(open -> {
            throw new DomainRuleException(
                    "status",
                    "Version " + open.getNumber() + " of " + d.getReference() + " is "
                            + open.getStatus().inSentence()
                            + " already; finish or withdraw it before starting another.");
        });
        versions.saveAndFlush(new DocumentVersion(
                id, latest.getNumber() + 1, latest.getContent(), note(changeNote), Actors.current(), now()));
        return get(id);
    }

    // --- the control steps

    /** Sends a draft for review. */
    @PreAuthorize(WRITE)
    public DocumentView submit(long id, int number, long expectedVersion) {
        DocumentVersion v = version(id, number, expectedVersion);
        v.submit(Actors.current(), now());
        versions.saveAndFlush(v);
        return get(id);
    }

    /** Sends a version in review (or approved, not yet published) back to draft. */
    @PreAuthorize(WRITE)
    public DocumentView reopen(long id, int number, long expectedVersion) {
        DocumentVersion v = version(id, number, expectedVersion);
        v.reopen();
        versions.saveAndFlush(v);
        return get(id);
    }

    /**
     * Approves a version in review, in force from {@code effectiveFrom} (today when null) and to be reviewed by
     * {@code reviewBy} (a year after it takes effect when null). Refused to the version's last editor (four eyes).
     */
    @PreAuthorize(APPROVE)
    public DocumentView approve(
            long id, int number, long expectedVersion, LocalDate effectiveFrom, LocalDate reviewBy) {
        DocumentVersion v = version(id, number, expectedVersion);
        LocalDate from = effectiveFrom == null ? today() : effectiveFrom;
        v.approve(Actors.current(), now(), from, reviewBy == null ? from.plusYears(1) : reviewBy);
        versions.saveAndFlush(v);
        return get(id);
    }

    /**
     * Publishes an approved version: it is in force from now on and the version in force before is superseded. A
     * version is published on or after its effective date, so the one in force is always the one published.
     */
    @PreAuthorize(WRITE)
    public DocumentView publish(long id, int number, long expectedVersion) {
        DocumentVersion v = version(id, number, expectedVersion);
        if (v.getEffectiveFrom() != null && v.getEffectiveFrom().isAfter(today())) {
            throw new DomainRuleException(
                    "effectiveFrom",
                    "Version " + number + " takes effect on " + Dates.day(v.getEffectiveFrom())
                            + "; publish it on that day, or send it back to draft to bring the date forward.");
        }
        Instant at = now();
        for (DocumentVersion old : versions.findByDocumentIdOrderByNumberDesc(id)) {
            if (old.getStatus() == VersionStatus.PUBLISHED) {
                old.supersede(at, number);
                versions.saveAndFlush(old);
            }
        }
        v.publish(Actors.current(), at);
        versions.saveAndFlush(v);
        return get(id);
    }

    /** Withdraws the document: the version in force (and any version being worked on) ends with the reason. */
    @PreAuthorize(WRITE)
    public DocumentView withdraw(long id, String reason) {
        document(id);
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleException("reason", "Say why the document is withdrawn.");
        }
        Instant at = now();
        List<DocumentVersion> live = versions.findByDocumentIdOrderByNumberDesc(id).stream()
                .filter(v -> v.getStatus() == VersionStatus.PUBLISHED
                        || v.getStatus().isOpen())
                .toList();
        if (live.isEmpty()) {
            throw new DomainRuleException("status", "This document is withdrawn already.");
        }
        for (DocumentVersion v : live) {
            v.withdraw(at, limit(reason.strip(), 500));
            versions.saveAndFlush(v);
        }
        return get(id);
    }

    // --- acknowledgements

    /** The signed-in person confirms having read the version of this policy in force. Twice is once. */
    @PreAuthorize(ACKNOWLEDGE)
    public AcknowledgementStatus acknowledge(long id) {
        AimsDocument d = document(id);
        if (!d.getKind().isPolicy()) {
            throw new DomainRuleException("kind", d.getReference() + " is not a policy, so it is not acknowledged.");
        }
        DocumentVersion inForce = inForce(id)
                .orElseThrow(() -> new DomainRuleException(
                        "status", d.getReference() + " has no version in force to acknowledge yet."));
        String me = Actors.current();
        if (!acknowledgements.existsById(new Acknowledgement.Key(inForce.getId(), me))) {
            acknowledgements.saveAndFlush(new Acknowledgement(inForce.getId(), me, now()));
        }
        return status(inForce);
    }

    /**
     * Who acknowledged the version of this policy in force and who has not. The whole list is for readers of the
     * register; anyone else learns only whether they themselves have.
     */
    @PreAuthorize(READ_IN_FORCE)
    @Transactional(readOnly = true)
    public AcknowledgementStatus acknowledgements(long id) {
        AimsDocument d = document(id);
        if (!d.getKind().isPolicy()) {
            throw new DomainRuleException("kind", d.getReference() + " is not a policy, so it is not acknowledged.");
        }
        DocumentVersion inForce =
                inForce(id).orElseThrow(() -> new NotFoundException(d.getReference() + " has no version in force yet"));
        AcknowledgementStatus all = status(inForce);
        if (mayReadRegister()) {
            return all;
        }
        return new AcknowledgementStatus(all.versionNumber(), List.of(), List.of(), all.mine());
    }

    /** The policies in force the signed-in person has not acknowledged yet. */
    @PreAuthorize(READ_IN_FORCE)
    @Transactional(readOnly = true)
    public List<DocumentSummary> awaitingMyAcknowledgement() {
        String me = Actors.current();
        List<DocumentSummary> out = new ArrayList<>();
        for (DocumentSummary s : list(EnumSet.of(DocumentKind.AI_POLICY, DocumentKind.TOPIC_POLICY))) {
            if (s.inForceNumber() == null) {
                continue;
            }
            DocumentVersion v = versions.findByDocumentIdAndNumber(s.id(), s.inForceNumber())
                    .orElseThrow();
            if (!acknowledgements.existsById(new Acknowledgement.Key(v.getId(), me))) {
                out.add(s);
            }
        }
        return out;
    }

    // --- export

    /** The register (documents of these kinds) as CSV or XLSX. */
    @PreAuthorize(EXPORT)
    // not read-only: the export is written to the audit log
    public void export(Collection<DocumentKind> kinds, TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "Kind",
                        "Title",
                        "Owner",
                        "State",
                        "Version in force",
                        "Effective from",
                        "Review by",
                        "Acknowledged",
                        "People"))) {
            for (DocumentSummary s : list(kinds)) {
                w.row(java.util.Arrays.asList(
                        s.reference(),
                        s.kind().label(),
                        s.title(),
                        name(s.owner()),
                        s.state(),
                        s.inForceNumber(),
                        s.effectiveFrom(),
                        s.reviewBy(),
                        s.acknowledged(),
                        s.people()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("documents", format.name()));
    }

    /** How a user name is shown: the directory's label, else the name itself. */
    public String name(String username) {
        return username == null ? "" : people.find(username).map(Person::label).orElse(username);
    }

    // --- internals

    private DocumentView draft(DocumentKind kind, Details details, String content, String changeNote) {
        Details checked = checked(details);
        AimsDocument d = documents.saveAndFlush(new AimsDocument(
                kind,
                nextReference(kind),
                checked.title(),
                checked.owner(),
                checked.retentionYears(),
                Actors.current(),
                now()));
        versions.saveAndFlush(new DocumentVersion(d.getId(), 1, content, note(changeNote), Actors.current(), now()));
        return get(d.getId());
    }

    private DocumentView edit(AimsDocument d, int number, long expectedVersion, String content, String changeNote) {
        DocumentVersion v = version(d.getId(), number, expectedVersion);
        v.edit(content, note(changeNote), Actors.current(), now());
        versions.saveAndFlush(v);
        return get(d.getId());
    }

    private String nextReference(DocumentKind kind) {
        return AimsRecords.next(kind.prefix(), documents.referencesStartingWith(kind.prefix() + "-"));
    }

    private AimsDocument document(long id) {
        return documents.findById(id).orElseThrow(() -> new NotFoundException("No AIMS document " + id));
    }

    private DocumentVersion version(long id, int number, long expectedVersion) {
        AimsDocument d = document(id);
        DocumentVersion v = versions.findByDocumentIdAndNumber(id, number)
                .orElseThrow(() -> new NotFoundException("No version " + number + " of " + d.getReference()));
        if (v.getVersion() != expectedVersion) {
            throw AimsRecords.stale(d.getReference() + " version " + number, v.getVersion(), expectedVersion);
        }
        return v;
    }

    private java.util.Optional<DocumentVersion> inForce(long id) {
        return versions.findByDocumentIdOrderByNumberDesc(id).stream()
                .filter(v -> v.getStatus() == VersionStatus.PUBLISHED)
                .findFirst();
    }

    private AcknowledgementStatus status(DocumentVersion v) {
        Map<String, Acknowledgement> done = acknowledgements.findByKeyVersionIdOrderByAcknowledgedAt(v.getId()).stream()
                .collect(Collectors.toMap(Acknowledgement::getUsername, Function.identity(), (a, b) -> a));
        List<Acknowledged> acknowledged = new ArrayList<>();
        List<Person> pending = new ArrayList<>();
        for (Person p : people.people()) {
            Acknowledgement a = done.get(p.username());
            if (a == null) {
                pending.add(p);
            } else {
                acknowledged.add(new Acknowledged(p.username(), p.label(), a.getAcknowledgedAt()));
            }
        }
        acknowledged.sort(java.util.Comparator.comparing(Acknowledged::at));
        return new AcknowledgementStatus(v.getNumber(), acknowledged, pending, done.containsKey(Actors.current()));
    }

    private Map<Long, Set<String>> acknowledgedBy(Collection<Long> versionIds) {
        if (versionIds.isEmpty()) {
            return Map.of();
        }
        return acknowledgements.findByKeyVersionIdIn(versionIds).stream()
                .collect(Collectors.groupingBy(
                        Acknowledgement::getVersionId,
                        Collectors.mapping(Acknowledgement::getUsername, Collectors.toSet())));
    }

    private Set<String> usernames() {
        return people.people().stream().map(Person::username).collect(Collectors.toCollection(HashSet::new));
    }

    private DocumentView view(AimsDocument d, List<DocumentVersion> vs) {
        Set<Long> ids = new LinkedHashSet<>();
        List<ContextAndScope> scopes = new ArrayList<>();
        for (DocumentVersion v : vs) {
            if (d.getKind() == DocumentKind.CONTEXT_AND_SCOPE) {
                ContextAndScope s = JSON.readValue(v.getContent(), ContextAndScope.class);
                scopes.add(s);
                ids.addAll(s.aiSystems());
            }
        }
        Map<Long, String> names = ids.isEmpty() ? Map.of() : systems.names(ids);
        List<VersionView> out = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            DocumentVersion v = vs.get(i);
            PolicyText policy = d.getKind().isPolicy() ? JSON.readValue(v.getContent(), PolicyText.class) : null;
            ContextAndScope scope = d.getKind() == DocumentKind.CONTEXT_AND_SCOPE ? scopes.get(i) : null;
            List<SystemRef> refs = scope == null
                    ? List.of()
                    : scope.aiSystems().stream()
                            .map(s -> new SystemRef(s, names.get(s)))
                            .toList();
            out.add(new VersionView(
                    v.getNumber(),
                    v.getStatus(),
                    v.getChangeNote(),
                    v.getEditedBy(),
                    v.getEditedAt(),
                    v.getSubmittedBy(),
                    v.getSubmittedAt(),
                    v.getApprovedBy(),
                    v.getApprovedAt(),
                    v.getEffectiveFrom(),
                    v.getReviewBy(),
                    v.getPublishedBy(),
                    v.getPublishedAt(),
                    v.getEndedAt(),
                    v.getEndReason(),
                    v.getVersion(),
                    policy,
                    scope,
                    refs));
        }
        return new DocumentView(
                d.getId(),
                d.getKind(),
                d.getReference(),
                d.getTitle(),
                d.getOwner(),
                d.getRetentionYears(),
                d.getCreatedBy(),
                d.getCreatedAt(),
                d.getVersion(),
                out);
    }

    // --- checks, each naming the field

    private Details checked(Details details) {
        if (details == null || details.title() == null || details.title().isBlank()) {
            throw new DomainRuleException("title", "Give the document a title.");
        }
        if (details.title().strip().length() > 200) {
            throw new DomainRuleException("title", "Keep the title to 200 characters.");
        }
        if (details.owner() == null || details.owner().isBlank()) {
            throw new DomainRuleException("owner", "Choose the document's owner.");
        }
        String owner = people.requireKnown("owner", "owner", details.owner());
        int retention = details.retentionYears() == null ? DEFAULT_RETENTION_YEARS : details.retentionYears();
        if (retention < 1 || retention > 100) {
            throw new DomainRuleException(
                    "retentionYears", "Keep a document between 1 and 100 years after it ends (e.g. 5).");
        }
        return new Details(details.title().strip(), owner, retention);
    }

    private static PolicyText checked(PolicyText text) {
        if (text == null || text.text() == null || text.text().isBlank()) {
            throw new DomainRuleException("text", "Write the policy's text.");
        }
        if (text.text().length() > 20_000) {
            throw new DomainRuleException("text", "Keep the policy's text to 20,000 characters (link longer annexes).");
        }
        String applies = text.appliesTo() == null || text.appliesTo().isBlank()
                ? null
                : text.appliesTo().strip();
        if (applies != null && applies.length() > 500) {
            throw new DomainRuleException("appliesTo", "Keep \"applies to\" to 500 characters.");
        }
        return new PolicyText(text.text().strip(), applies);
    }

    private ContextAndScope checked(ContextAndScope scope) {
        if (scope == null || scope.statement() == null || scope.statement().isBlank()) {
            throw new DomainRuleException(
                    "statement", "Write the scope statement: what the AI management system covers.");
        }
        if (scope.statement().length() > 10_000) {
            throw new DomainRuleException("statement", "Keep the scope statement to 10,000 characters.");
        }
        for (Party p : scope.interestedParties()) {
            if (p == null || p.name() == null || p.name().isBlank()) {
                throw new DomainRuleException("interestedParties", "Name each interested party.");
            }
            if (p.requirements() == null || p.requirements().isBlank()) {
                throw new DomainRuleException(
                        "interestedParties", "Say what \"" + p.name().strip() + "\" requires of the organisation.");
            }
        }
        for (Exclusion e : scope.exclusions()) {
            if (e == null || e.what() == null || e.what().isBlank()) {
                throw new DomainRuleException("exclusions", "Say what each exclusion leaves out.");
            }
            if (e.why() == null || e.why().isBlank()) {
                throw new DomainRuleException(
                        "exclusions", "Say why \"" + e.what().strip() + "\" is excluded from the scope.");
            }
        }
        List<Long> ids = scope.aiSystems().stream().distinct().toList();
        if (!ids.isEmpty()) {
            Map<Long, String> known = systems.names(ids);
            List<Long> unknown = ids.stream().filter(i -> !known.containsKey(i)).toList();
            if (!unknown.isEmpty()) {
                throw new DomainRuleException(
                        "aiSystems", "There is no AI system " + unknown.getFirst() + " in the inventory.");
            }
        }
        return new ContextAndScope(
                lines(scope.internalIssues()),
                lines(scope.externalIssues()),
                scope.interestedParties().stream()
                        .map(p -> new Party(p.name().strip(), p.requirements().strip()))
                        .toList(),
                scope.statement().strip(),
                ids,
                lines(scope.units()),
                lines(scope.locations()),
                scope.exclusions().stream()
                        .map(e -> new Exclusion(e.what().strip(), e.why().strip()))
                        .toList());
    }

    private static List<String> lines(List<String> in) {
        return in.stream()
                .filter(s -> s != null && !s.isBlank())
                .map(String::strip)
                .toList();
    }

    private static String json(Object content) {
        return JSON.writeValueAsString(content);
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? null : limit(note.strip(), 500);
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
