package dev.aegis.aims;

import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.aims.ImpactVocabulary.Affected;
import dev.aegis.aims.ImpactVocabulary.Stage;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Band;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5), one per AI system, structured as ISO/IEC 42005
 * describes: the system and its intended use, foreseeable misuse, stakeholders and affected groups, the impacts on
 * individuals, groups and society each with likelihood and severity on the risk register's 1-5 scales, the measures,
 * the residual impact and the review date. Under the AIMS document control: a reference (IA-001), an owner, a retention,
 * numbered versions — a draft is approved by someone other than its last editor (four eyes) with its effective date and
 * supersedes the version approved before it.
 *
 * <p>Each impact names the risks of the register that carry it (read through {@link RiskService}); an impact rated high
 * (likelihood × severity in the register's high or critical band) that names no risk is flagged on the record, on the
 * screen and in the export.
 *
 * <p>Permissions, one per action: governance officers and administrators start, edit, approve and revise ({@link
 * #WRITE}); auditors read and export ({@link #READ}, {@link #EXPORT}).
 */
@Service
@Transactional
public class ImpactAssessmentService {

    static final String READ = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('"
            + AimsDocumentService.SYSTEM_READ + "')";
    static final String WRITE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String EXPORT = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    static final int TEXT_MAX = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ImpactAssessments assessments;
    private final ImpactAssessmentVersions versions;
    private final AimsDocumentService documents;
    private final RiskService risks;
    private final UserDirectory people;
    private final EntityManager em;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ImpactAssessmentService(
            ImpactAssessments assessments,
            ImpactAssessmentVersions versions,
            AimsDocumentService documents,
            RiskService risks,
            UserDirectory people,
            EntityManager em,
            Clock clock,
            ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.versions = versions;
        this.documents = documents;
        this.risks = risks;
        this.people = people;
        this.em = em;
        this.clock = clock;
        this.events = events;
    }

    /** One impact as entered: on whom, what, how likely, how severe (1-5 each), the risks that carry it. */
    public record Impact(Affected on, String description, Integer likelihood, Integer severity, Set<Long> risks) {}

    /** What a version of an assessment says. */
    public record Details(
            String intendedUse,
            String misuse,
            String stakeholders,
            List<Impact> impacts,
            String measures,
            String residualImpact,
            LocalDate reviewBy,
            String changeNote) {}

    /** A risk of the register as an impact names it; a removed one has no title. */
    public record ImpactRiskRef(long id, String title, String status) {
        public String label() {
            return title == null ? "Risk " + id + " (removed)" : title + " (" + status + ")";
        }
    }

    /** An impact as people read it: its score and level on the risk register's matrix, and whether it is flagged. */
    public record ImpactView(
            Affected on,
            String description,
            int likelihood,
            int severity,
            int score,
            String level,
            boolean high,
            List<ImpactRiskRef> risks,
            boolean flagged) {

        /** "4 Likely × 4 Major = 16, Critical" */
        public String rating() {
            return likelihood + " " + ImpactVocabulary.likelihood(likelihood) + " × " + severity + " "
                    + ImpactVocabulary.severity(severity) + " = " + score + ", " + level;
        }

        public String riskLabels() {
            return risks.stream().map(ImpactRiskRef::label).collect(Collectors.joining("; "));
        }
    }

    /** One numbered version with what it says. */
    public record ImpactVersionView(
            int number,
            Stage stage,
            String intendedUse,
            String misuse,
            String stakeholders,
            List<ImpactView> impacts,
            String measures,
            String residualImpact,
            LocalDate reviewBy,
            String changeNote,
            String editedBy,
            Instant editedAt,
            String approvedBy,
            Instant approvedAt,
            LocalDate effectiveFrom,
            Instant supersededAt) {

        /** How many high impacts name no risk. */
        public long unlinkedHighImpacts() {
            return impacts.stream().filter(ImpactView::flagged).count();
        }

        /** "2 high impacts name no risk", or null when none does. */
        public String flag() {
            long n = unlinkedHighImpacts();
            return n == 0
                    ? null
                    : (n == 1 ? "1 high impact names no risk" : n + " high impacts name no risk")
                            + ": raise a risk for it in the risk register and link it.";
        }

        public Details details() {
            return new Details(
                    intendedUse,
                    misuse,
                    stakeholders,
                    impacts.stream()
                            .map(i -> new Impact(
                                    i.on(),
                                    i.description(),
                                    i.likelihood(),
                                    i.severity(),
                                    i.risks().stream()
                                            .map(ImpactRiskRef::id)
                                            .collect(Collectors.toCollection(LinkedHashSet::new))))
                            .toList(),
                    measures,
                    residualImpact,
                    reviewBy,
                    changeNote);
        }
    }

    /** An assessment with its versions, newest first; its ETag is {@code version}. */
    public record ImpactAssessmentView(
            long id,
            String reference,
            SystemRef system,
            String owner,
            int retentionYears,
            String createdBy,
            Instant createdAt,
            long version,
            List<ImpactVersionView> versions) {

        /** The version approved and in force, if any. */
        public Optional<ImpactVersionView> inForce() {
            return versions.stream().filter(v -> v.stage() == Stage.APPROVED).findFirst();
        }

        /** The draft being worked on, if any. */
        public Optional<ImpactVersionView> draft() {
            return versions.stream().filter(v -> v.stage() == Stage.DRAFT).findFirst();
        }

        /** The newest version: the draft, else the one in force. */
        public ImpactVersionView latest() {
            return versions.getFirst();
        }

        public String systemName() {
            return system.name() == null ? "AI system " + system.id() + " (removed)" : system.name();
        }

        /** Whether the version in force is past its review date on {@code day}. */
        public boolean reviewOverdue(LocalDate day) {
            return inForce().map(v -> v.reviewBy().isBefore(day)).orElse(false);
        }
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ImpactAssessmentView> list() {
        Map<Long, String> names = systemNames();
        Map<Long, List<ImpactAssessmentVersion>> byAssessment =
                versions.findAllByOrderByAssessmentIdAscNumberDesc().stream()
                        .collect(Collectors.groupingBy(ImpactAssessmentVersion::getAssessmentId));
        Map<Long, ImpactRiskRef> riskCache = new java.util.HashMap<>();
        return assessments.findAllByOrderByReferenceAsc().stream()
                .map(a -> view(a, byAssessment.getOrDefault(a.getId(), List.of()), names, riskCache))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public ImpactAssessmentView get(long id) {
        ImpactAssessment a = assessment(id);
        return view(a, versions.findByAssessmentIdOrderByNumberDesc(id), systemNames(), new java.util.HashMap<>());
    }

    /** The AI systems an assessment can be of, by name. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<SystemRef> systemChoices() {
        return documents.aiSystemChoices();
    }

    /** The risks of the register on an AI system, which its impacts can name. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ImpactRiskRef> riskChoices(long systemId) {
        return risks
                .search(new RiskService.Filter(null, null, null, null, null, null, systemId), PageRequest.of(0, 500))
                .stream()
                .map(ImpactAssessmentService::ref)
                .toList();
    }

    /** The people who may own an assessment. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Person> people() {
        return people.people();
    }

    /** How someone is shown: the directory's label, else the user name. */
    public String name(String username) {
        return username == null ? "" : people.find(username).map(Person::label).orElse(username);
    }

    /** Whether the signed-in person may write assessments (for the screens; the service checks again). */
    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    /** Starts the assessment of an AI system with its first draft; an AI system has one assessment. */
    @PreAuthorize(WRITE)
    public ImpactAssessmentView start(long systemId, String owner, Integer retentionYears, Details details) {
        Map<Long, String> names = systemNames();
        if (!names.containsKey(systemId)) {
            throw new DomainRuleException("system", "Choose an AI system of the inventory.");
        }
        assessments.findAllByOrderByReferenceAsc().stream()
                .filter(a -> a.getSystemId() == systemId)
                .findFirst()
                .ifPresent(a -> {
                    throw new DomainRuleException(
                            "system",
                            a.getReference() + " assesses " + names.get(systemId)
                                    + " already: start a new version of it instead.");
                });
        ImpactAssessment a = new ImpactAssessment(
                AimsRecords.next("IA", assessments.references()),
                systemId,
                owner(owner),
                retention(retentionYears),
                Actors.current(),
                Instant.now(clock));
        a = assessments.saveAndFlush(a);
        ImpactAssessmentVersion v = new ImpactAssessmentVersion(a.getId(), 1);
        edit(v, systemId, details);
        versions.saveAndFlush(v);
        return get(a.getId());
    }

    /** Changes the draft; owner and retention too. */
    @PreAuthorize(WRITE)
    public ImpactAssessmentView change(
            long id, long expectedVersion, String owner, Integer retentionYears, Details details) {
        ImpactAssessment a = current(id, expectedVersion);
        ImpactAssessmentVersion draft = draftOf(a);
        a.keep(owner(owner), retention(retentionYears));
        edit(draft, a.getSystemId(), details);
        versions.saveAndFlush(draft);
        assessments.saveAndFlush(a);
        return get(id);
    }

    /**
     * Approves the draft (someone other than its last editor) from {@code effectiveFrom}; the version approved before it
     * is superseded.
     */
    @PreAuthorize(WRITE)
    public ImpactAssessmentView approve(long id, long expectedVersion, LocalDate effectiveFrom) {
        ImpactAssessment a = current(id, expectedVersion);
        ImpactAssessmentVersion draft = draftOf(a);
        Instant now = Instant.now(clock);
        // the version in force steps down first: at most one approved version at a time (the database says so too);
        // a refused approval below rolls this back with it
        for (ImpactAssessmentVersion v : versions.findByAssessmentIdOrderByNumberDesc(id)) {
            if (v.getStatus() == Stage.APPROVED) {
                v.supersede(now);
                versions.saveAndFlush(v);
            }
        }
        draft.approve(Actors.current(), now, effectiveFrom);
        versions.saveAndFlush(draft);
        assessments.saveAndFlush(a);
        return get(id);
    }

    /** Starts the next version as a draft copied from the one in force (for a review, a change, a new risk). */
    @PreAuthorize(WRITE)
    public ImpactAssessmentView revise(long id, long expectedVersion) {
        ImpactAssessment a = current(id, expectedVersion);
        List<ImpactAssessmentVersion> all = versions.findByAssessmentIdOrderByNumberDesc(id);
        if (all.stream().anyMatch(v -> v.getStatus() == Stage.DRAFT)) {
            throw new DomainRuleException(
                    "status", a.getReference() + " has a draft already: change that one or have it approved.");
        }
        ImpactAssessmentVersion from = all.getFirst();
        ImpactAssessmentVersion next = new ImpactAssessmentVersion(id, from.getNumber() + 1);
        next.edit(
                from.getIntendedUse(),
                from.getMisuse(),
                from.getStakeholders(),
                from.getImpacts(),
                from.getMeasures(),
                from.getResidualImpact(),
                from.getReviewBy(),
                null,
                Actors.current(),
                Instant.now(clock));
        versions.saveAndFlush(next);
        assessments.saveAndFlush(a);
        return get(id);
    }

    @PreAuthorize(EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "AI system",
                        "Owner",
                        "Version",
                        "Status",
                        "Intended use",
                        "Foreseeable misuse",
                        "Stakeholders and affected groups",
                        "Impacts",
                        "High impacts without a risk",
                        "Measures",
                        "Residual impact",
                        "Review by",
                        "Approved by",
                        "Effective from",
                        "Retention (years)"))) {
            for (ImpactAssessmentView a : list()) {
                ImpactVersionView v = a.latest();
                w.row(Arrays.asList(
                        a.reference(),
                        a.systemName(),
                        name(a.owner()),
                        v.number(),
                        v.stage().label(),
                        v.intendedUse(),
                        v.misuse(),
                        v.stakeholders(),
                        v.impacts().stream()
                                .map(i -> i.on().label() + ": " + i.description() + " (" + i.rating() + ")"
                                        + (i.risks().isEmpty() ? "" : " risks: " + i.riskLabels()))
                                .collect(Collectors.joining("\n")),
                        v.unlinkedHighImpacts(),
                        v.measures(),
                        v.residualImpact(),
                        v.reviewBy(),
                        name(v.approvedBy()),
                        v.effectiveFrom(),
                        a.retentionYears()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("impact-assessments", format.name()));
    }

    static List<StoredImpact> impacts(String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<StoredImpact>>() {});
    }

    /** An impact as the version's JSON keeps it. */
    record StoredImpact(Affected on, String description, int likelihood, int severity, List<Long> risks) {}

    private void edit(ImpactAssessmentVersion v, long systemId, Details in) {
        if (in == null) {
            throw new DomainRuleException("intendedUse", "Describe the AI system and its intended use.");
        }
        String intendedUse = AimsRecords.requiredText(
                "intendedUse",
                in.intendedUse(),
                TEXT_MAX,
                "Describe the AI system and its intended use: what it does, for whom.");
        String misuse = AimsRecords.requiredText(
                "misuse", in.misuse(), TEXT_MAX, "Name the foreseeable misuse, or say why there is none.");
        String stakeholders = AimsRecords.requiredText(
                "stakeholders",
                in.stakeholders(),
                TEXT_MAX,
                "Name the stakeholders and the groups the system affects.");
        String measures = AimsRecords.requiredText(
                "measures", in.measures(), TEXT_MAX, "Say what is done to prevent or reduce the impacts.");
        String residual = AimsRecords.requiredText(
                "residualImpact", in.residualImpact(), TEXT_MAX, "Say what impact remains after the measures.");
        if (in.reviewBy() == null) {
            throw new DomainRuleException("reviewBy", "Give the date by which the assessment is reviewed.");
        }
        String note = in.changeNote() == null || in.changeNote().isBlank()
                ? null
                : in.changeNote().strip();
        if (note != null && note.length() > 500) {
            throw new DomainRuleException("changeNote", "Keep it to 500 characters.");
        }
        List<StoredImpact> impacts = new ArrayList<>();
        List<Impact> given = in.impacts() == null ? List.of() : in.impacts();
        Set<Long> systemRisks =
                riskChoices(systemId).stream().map(ImpactRiskRef::id).collect(Collectors.toSet());
        Set<Long> alreadyNamed = v.getImpacts() == null
                ? Set.of()
                : impacts(v.getImpacts()).stream()
                        .flatMap(i -> i.risks().stream())
                        .collect(Collectors.toSet());
        for (int n = 0; n < given.size(); n++) {
            impacts.add(impact(n + 1, given.get(n), systemRisks, alreadyNamed));
        }
        v.edit(
                intendedUse,
                misuse,
                stakeholders,
                JSON.writeValueAsString(impacts),
                measures,
                residual,
                in.reviewBy(),
                note,
                Actors.current(),
                Instant.now(clock));
    }

    private static StoredImpact impact(int n, Impact i, Set<Long> systemRisks, Set<Long> alreadyNamed) {
        String which = "Impact " + n + ": ";
        if (i == null || i.on() == null) {
            throw new DomainRuleException("impacts", which + "say whom it falls on: individuals, groups or society.");
        }
        String description = i.description() == null ? "" : i.description().strip();
        if (description.isEmpty()) {
            throw new DomainRuleException("impacts", which + "describe it.");
        }
        if (description.length() > 2000) {
            throw new DomainRuleException("impacts", which + "keep its description to 2,000 characters.");
        }
        if (i.likelihood() == null || i.likelihood() < 1 || i.likelihood() > 5) {
            throw new DomainRuleException(
                    "impacts", which + "give its likelihood from 1 (rare) to 5 (almost certain).");
        }
        if (i.severity() == null || i.severity() < 1 || i.severity() > 5) {
            throw new DomainRuleException("impacts", which + "give its severity from 1 (negligible) to 5 (severe).");
        }
        List<Long> named = i.risks() == null ? List.of() : List.copyOf(new LinkedHashSet<>(i.risks()));
        for (Long r : named) {
            // a risk named before stays named even if it was moved to another system since
            if (!systemRisks.contains(r) && !alreadyNamed.contains(r)) {
                throw new DomainRuleException("impacts", which + "there is no risk " + r + " on this AI system.");
            }
        }
        return new StoredImpact(i.on(), description, i.likelihood(), i.severity(), named);
    }

    private String owner(String owner) {
        String o = owner == null ? "" : owner.strip();
        if (o.isEmpty()) {
            throw new DomainRuleException("owner", "Name the assessment's owner.");
        }
        if (people.find(o).isEmpty()) {
            throw new DomainRuleException("owner", "There is no user " + o + ".");
        }
        return o;
    }

    private static int retention(Integer years) {
        if (years == null) {
            return 10;
        }
        if (years < 1 || years > 100) {
            throw new DomainRuleException("retentionYears", "Keep it for 1 to 100 years.");
        }
        return years;
    }

    private ImpactAssessmentVersion draftOf(ImpactAssessment a) {
        return versions.findByAssessmentIdOrderByNumberDesc(a.getId()).stream()
                .filter(v -> v.getStatus() == Stage.DRAFT)
                .findFirst()
                .orElseThrow(() -> new DomainRuleException(
                        "status",
                        a.getReference() + " has no draft: start a new version to change it (its approved versions "
                                + "are kept as they are)."));
    }

    /** The assessment if the caller read its current version; its version goes up with any step on it. */
    private ImpactAssessment current(long id, long expectedVersion) {
        ImpactAssessment a = assessment(id);
        if (a.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This impact assessment", a.getVersion(), expectedVersion);
        }
        // the version goes up at once (the answer carries the new ETag) and a second step waits for this one
        em.lock(a, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return a;
    }

    private ImpactAssessment assessment(long id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("No impact assessment " + id));
    }

    private Map<Long, String> systemNames() {
        return documents.aiSystemChoices().stream()
                .collect(Collectors.toMap(SystemRef::id, SystemRef::name, (a, b) -> a));
    }

    private static ImpactRiskRef ref(Risk r) {
        return new ImpactRiskRef(r.getId(), r.getTitle(), dev.aegis.inventory.Classification.label(r.getStatus()));
    }

    private ImpactRiskRef risk(long id, Map<Long, ImpactRiskRef> cache) {
        return cache.computeIfAbsent(id, k -> {
            try {
                return ref(risks.get(k));
            } catch (NotFoundException e) {
                return new ImpactRiskRef(k, null, null);
            }
        });
    }

    private ImpactAssessmentView view(
            ImpactAssessment a,
            List<ImpactAssessmentVersion> vs,
            Map<Long, String> names,
            Map<Long, ImpactRiskRef> riskCache) {
        return new ImpactAssessmentView(
                a.getId(),
                a.getReference(),
                new SystemRef(a.getSystemId(), names.get(a.getSystemId())),
                a.getOwner(),
                a.getRetentionYears(),
                a.getCreatedBy(),
                a.getCreatedAt(),
                a.getVersion(),
                vs.stream().map(v -> version(v, riskCache)).toList());
    }

    private ImpactVersionView version(ImpactAssessmentVersion v, Map<Long, ImpactRiskRef> riskCache) {
        List<ImpactView> impacts = impacts(v.getImpacts()).stream()
                .map(i -> {
                    int score = i.likelihood() * i.severity();
                    Band band = Band.of(score);
                    boolean high = band == Band.HIGH || band == Band.CRITICAL;
                    List<ImpactRiskRef> named =
                            i.risks().stream().map(r -> risk(r, riskCache)).toList();
                    return new ImpactView(
                            i.on(),
                            i.description(),
                            i.likelihood(),
                            i.severity(),
                            score,
                            band.label(),
                            high,
                            named,
                            high && named.isEmpty());
                })
                .toList();
        return new ImpactVersionView(
                v.getNumber(),
                v.getStatus(),
                v.getIntendedUse(),
                v.getMisuse(),
                v.getStakeholders(),
                impacts,
                v.getMeasures(),
                v.getResidualImpact(),
                v.getReviewBy(),
                v.getChangeNote(),
                v.getEditedBy(),
                v.getEditedAt(),
                v.getApprovedBy(),
                v.getApprovedAt(),
                v.getEffectiveFrom(),
                v.getSupersededAt());
    }

    static String day(Instant at) {
        return Dates.day(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }
}
