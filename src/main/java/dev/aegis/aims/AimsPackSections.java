package dev.aegis.aims;

import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.aims.CorrectionVocabulary.NcStatus;
import dev.aegis.aims.ImpactVocabulary.Stage;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.reports.DocRow;
import dev.aegis.shared.reports.DocRow.Layout;
import dev.aegis.shared.reports.PackSectionSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AI management system's records in the evidence packs of ISO/IEC 42001 and of the NIST AI RMF (whose GOVERN and
 * MANAGE functions they serve): one section per record type, as the records stood at the pack's moment — records made
 * later are left out, versioned records are shown in the version in force then, and states (approved, held,
 * completed, closed) are the ones reached by then. Each section reads its records with one or two queries, never one
 * per row.
 */
@Component
@Order(100)
class AimsPackSections implements PackSectionSource {

    /** The frameworks whose packs carry the AIMS records. */
    static final Set<String> FRAMEWORKS = Set.of("ISO-IEC-42001-2023", "NIST-AI-RMF-1.0");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AimsDocuments documents;
    private final VersionsInForce inForce;
    private final Acknowledgements acknowledgements;
    private final RoleAssignments roles;
    private final Objectives objectives;
    private final IndicatorValues values;
    private final ChangeRecords changes;
    private final CompetenceRecords competence;
    private final ImpactAssessments assessments;
    private final ImpactAssessmentVersions assessmentVersions;
    private final InternalAudits audits;
    private final AuditFindings auditFindings;
    private final ManagementReviews reviews;
    private final ReviewOutputs outputs;
    private final Nonconformities ncs;
    private final CorrectiveActions actions;
    private final UserDirectory people;
    private final AiSystemService systems;

    AimsPackSections(
            AimsDocuments documents,
            VersionsInForce inForce,
            Acknowledgements acknowledgements,
            RoleAssignments roles,
            Objectives objectives,
            IndicatorValues values,
            ChangeRecords changes,
            CompetenceRecords competence,
            ImpactAssessments assessments,
            ImpactAssessmentVersions assessmentVersions,
            InternalAudits audits,
            AuditFindings auditFindings,
            ManagementReviews reviews,
            ReviewOutputs outputs,
            Nonconformities ncs,
            CorrectiveActions actions,
            UserDirectory people,
            AiSystemService systems) {
        this.documents = documents;
        this.inForce = inForce;
        this.acknowledgements = acknowledgements;
        this.roles = roles;
        this.objectives = objectives;
        this.values = values;
        this.changes = changes;
        this.competence = competence;
        this.assessments = assessments;
        this.assessmentVersions = assessmentVersions;
        this.audits = audits;
        this.auditFindings = auditFindings;
        this.reviews = reviews;
        this.outputs = outputs;
        this.ncs = ncs;
        this.actions = actions;
        this.people = people;
        this.systems = systems;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PackSection> sectionsAsOf(Instant asOf, String frameworkCode) {
        if (!FRAMEWORKS.contains(frameworkCode)) {
            return List.of();
        }
        // the pack's moment is the end of its as-of day: the day itself is the last one included
        LocalDate day = asOf.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        Map<Long, String> systemNames = systemNames();
        List<DocumentVersion> published = inForce.publishedAt(asOf.minusNanos(1));
        Map<Long, AimsDocument> docs =
                documents
                        .findAllById(published.stream()
                                .map(DocumentVersion::getDocumentId)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(AimsDocument::getId, Function.identity()));
        List<PackSection> out = new ArrayList<>();
        out.add(contextAndScope(day, published, docs, systemNames));
        out.add(policies(asOf, day, published, docs));
        out.add(roles(asOf, day));
        out.add(objectives(asOf, day));
        out.add(changes(asOf, day, systemNames));
        out.add(competence(asOf, day));
        out.add(impactAssessments(asOf, day, systemNames));
        out.add(internalAudits(asOf, day));
        out.add(managementReviews(asOf, day));
        out.add(nonconformities(asOf, day));
        return out;
    }

    private PackSection contextAndScope(
            LocalDate day, List<DocumentVersion> published, Map<Long, AimsDocument> docs, Map<Long, String> names) {
        String title = "Context and scope";
        String intro = "The context of the organisation and the AIMS scope (ISO/IEC 42001 4.1–4.3), in the version in "
                + "force on " + day + ".";
        List<DocRow> rows = new ArrayList<>();
        for (DocumentVersion v : published) {
            AimsDocument d = docs.get(v.getDocumentId());
            if (d == null || d.getKind() != DocumentKind.CONTEXT_AND_SCOPE) {
                continue;
            }
            ContextAndScope c = JSON.readValue(v.getContent(), ContextAndScope.class);
            rows.add(DocRow.kv(d.getReference(), d.getTitle()));
            rows.add(DocRow.kv("Version in force", versionLine(v)));
            rows.add(DocRow.kv("Scope statement", orNone(c.statement())));
            rows.add(DocRow.kv(
                    "AI systems in scope",
                    joined(c.aiSystems().stream()
                            .map(id -> names.getOrDefault(id, "an AI system no longer in the inventory"))
                            .toList())));
            rows.add(DocRow.kv("Units · locations", joined(c.units()) + " · " + joined(c.locations())));
            rows.add(DocRow.kv("Internal issues", joined(c.internalIssues())));
            rows.add(DocRow.kv("External issues", joined(c.externalIssues())));
            rows.add(DocRow.kv(
                    "Interested parties",
                    joined(c.interestedParties().stream()
                            .map(p -> p.name() + (blank(p.requirements()) ? "" : " (" + p.requirements() + ")"))
                            .toList())));
            rows.add(DocRow.kv(
                    "Excluded",
                    joined(c.exclusions().stream()
                            .map(e -> e.what() + (blank(e.why()) ? "" : ": " + e.why()))
                            .toList())));
        }
        return section(title, intro, rows, day);
    }

    private PackSection policies(
            Instant asOf, LocalDate day, List<DocumentVersion> published, Map<Long, AimsDocument> docs) {
        String title = "Policies";
        String intro = "The AI policy and topic policies (5.2, 7.5, A.2) in force on " + day
                + ", each with the version in force, its approval, review date and how many of the people in the user"
                + " directory had acknowledged that version by then.";
        List<DocumentVersion> policies = published.stream()
                .filter(v -> docs.containsKey(v.getDocumentId())
                        && docs.get(v.getDocumentId()).getKind().isPolicy())
                .sorted(Comparator.comparing(v -> docs.get(v.getDocumentId()).getReference()))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!policies.isEmpty()) {
            Set<String> everyone = people.people().stream()
                    .map(p -> p.username().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.toSet());
            Map<Long, Long> acked = new HashMap<>();
            acknowledgements
                    .findByKeyVersionIdIn(
                            policies.stream().map(DocumentVersion::getId).toList())
                    .stream()
                    .filter(a -> a.getAcknowledgedAt().isBefore(asOf)
                            && everyone.contains(a.getUsername().toLowerCase(java.util.Locale.ROOT)))
                    .forEach(a -> acked.merge(a.getVersionId(), 1L, Long::sum));
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Policy", "Version in force", "Approval", "Acknowledged · review"));
            for (DocumentVersion v : policies) {
                AimsDocument d = docs.get(v.getDocumentId());
                long count = acked.getOrDefault(v.getId(), 0L);
                rows.add(DocRow.tr(
                        d.getReference() + " " + d.getTitle() + " ("
                                + d.getKind().label() + ", owner " + d.getOwner() + ")",
                        "Version " + v.getNumber() + " from\n" + v.getEffectiveFrom(),
                        "Approved by " + v.getApprovedBy() + "\non " + day(v.getApprovedAt()),
                        (everyone.isEmpty()
                                        ? "nobody asked"
                                        : percent(count, everyone.size()) + " (" + count + " of " + everyone.size()
                                                + ")")
                                + "\n" + reviewWords(v.getReviewBy(), day)));
            }
        }
        return section(title, intro, rows, day);
    }

    private PackSection roles(Instant asOf, LocalDate day) {
        String intro = "Who held which AIMS role (5.3, A.3.2) on " + day + ".";
        List<DocRow> rows = new ArrayList<>();
        List<RoleAssignment> held = roles.findAllByOrderByRoleAscSinceDesc().stream()
                .filter(r -> r.getCreatedAt().isBefore(asOf)
                        && !r.getSince().isAfter(day)
                        && (r.getUntil() == null || !r.getUntil().isBefore(day)))
                .toList();
        if (!held.isEmpty()) {
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Role", "Held by", "Period", "Responsibilities"));
            held.forEach(r -> rows.add(DocRow.tr(
                    r.getRole().label(),
                    name(r.getUsername()),
                    "since " + r.getSince() + (r.getUntil() == null ? "" : " until " + r.getUntil()),
                    orNone(r.getResponsibilities()))));
        }
        return section("AIMS roles", intro, rows, day);
    }

    private PackSection objectives(Instant asOf, LocalDate day) {
        String intro = "The AI objectives (6.2) in force on " + day
                + ", each with its indicator's latest value measured by then against its target.";
        List<Objective> current = objectives.findAllByOrderByReference().stream()
                .filter(o -> o.getCreatedAt().isBefore(asOf)
                        && (o.getRetiredAt() == null || !o.getRetiredAt().isBefore(asOf)))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!current.isEmpty()) {
            Map<Long, IndicatorValue> latest = new HashMap<>();
            values
                    .findByObjectiveIdInOrderByMeasuredOn(
                            current.stream().map(Objective::getId).toList())
                    .stream()
                    .filter(v ->
                            !v.getMeasuredOn().isAfter(day) && v.getRecordedAt().isBefore(asOf))
                    .forEach(v -> latest.put(v.getObjectiveId(), v));
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Objective", "Target", "Latest value", "Indicator · owner"));
            for (Objective o : current) {
                IndicatorValue v = latest.get(o.getId());
                rows.add(DocRow.tr(
                        o.getReference() + " " + o.getTitle(),
                        o.getDirection().words() + " " + ObjectiveService.figure(o.getTarget(), o.getUnit())
                                + (o.getDueOn() == null ? "" : "\nby " + o.getDueOn()),
                        v == null
                                ? "No value yet"
                                : ObjectiveService.figure(v.getValue(), o.getUnit()) + " on " + v.getMeasuredOn()
                                        + "\n"
                                        + (o.getDirection().meets(v.getValue(), o.getTarget())
                                                ? "on target"
                                                : "off target"),
                        o.getIndicator().label() + " · owner " + name(o.getOwner())));
            }
        }
        return section("Objectives", intro, rows, day);
    }

    private PackSection changes(Instant asOf, LocalDate day, Map<Long, String> names) {
        String intro = "Planned changes to the AIMS and its AI systems (6.3) raised by " + day
                + ", with the state each had reached then.";
        List<ChangeRecord> raised = changes.allWithSystems().stream()
                .filter(c -> c.getRaisedAt().isBefore(asOf))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!raised.isEmpty()) {
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Change", "Planned · state", "AI systems affected", "Impact"));
            for (ChangeRecord c : raised) {
                String state;
                if (c.getClosedAt() != null && c.getClosedAt().isBefore(asOf)) {
                    state = c.getStatus().label() + " on\n" + day(c.getClosedAt());
                } else if (c.getApprovedAt() != null && c.getApprovedAt().isBefore(asOf)) {
                    state = "Approved by " + c.getApprovedBy() + "\non " + day(c.getApprovedAt());
                } else {
                    state = "Planned, not yet approved";
                }
                rows.add(DocRow.tr(
                        c.getReference() + " " + c.getTitle(),
                        c.getPlannedOn() + "\n" + state,
                        c.getSystems().isEmpty()
                                ? "None named"
                                : c.getSystems().stream()
                                        .map(id -> names.getOrDefault(id, "an AI system no longer in the inventory"))
                                        .sorted()
                                        .collect(Collectors.joining(", ")),
                        c.getImpact()));
            }
        }
        return section("Changes", intro, rows, day);
    }

    private PackSection competence(Instant asOf, LocalDate day) {
        String intro = "Trainings, attestations and certifications (7.2, 7.3) recorded by " + day
                + ", and whether each was still current then.";
        List<CompetenceRecord> recorded = competence.findAllByOrderByUsernameAscCompletedOnDesc().stream()
                .filter(r -> r.getCreatedAt().isBefore(asOf))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!recorded.isEmpty()) {
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Person", "Kind", "Title · provider", "Completed · expiry"));
            recorded.forEach(r -> rows.add(DocRow.tr(
                    name(r.getUsername()),
                    r.getKind().label(),
                    r.getTitle() + (blank(r.getProvider()) ? "" : " · " + r.getProvider()),
                    r.getCompletedOn() + "\n"
                            + (r.getExpiresOn() == null
                                    ? "does not expire"
                                    : (r.getExpiresOn().isBefore(day) ? "expired on\n" : "current until\n")
                                            + r.getExpiresOn()))));
        }
        return section("Competence and awareness", intro, rows, day);
    }

    private PackSection impactAssessments(Instant asOf, LocalDate day, Map<Long, String> names) {
        String intro = "AI system impact assessments (6.1.4, 8.4, A.5) with the version approved and in force on " + day
                + "; an assessment with no approved version by then is shown as a draft.";
        List<ImpactAssessment> known = assessments.findAllByOrderByReferenceAsc().stream()
                .filter(a -> a.getCreatedAt().isBefore(asOf))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!known.isEmpty()) {
            Map<Long, ImpactAssessmentVersion> approved = new HashMap<>();
            assessmentVersions.findAllByOrderByAssessmentIdAscNumberDesc().stream()
                    .filter(v -> v.getStatus() != Stage.DRAFT
                            && v.getApprovedAt() != null
                            && v.getApprovedAt().isBefore(asOf)
                            && (v.getSupersededAt() == null
                                    || !v.getSupersededAt().isBefore(asOf)))
                    .forEach(v -> approved.putIfAbsent(v.getAssessmentId(), v));
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Assessment", "AI system", "Version in force", "Review · owner"));
            for (ImpactAssessment a : known) {
                ImpactAssessmentVersion v = approved.get(a.getId());
                rows.add(DocRow.tr(
                        a.getReference(),
                        names.getOrDefault(a.getSystemId(), "an AI system no longer in the inventory"),
                        v == null ? "None approved yet (draft)" : versionLine(v),
                        (v == null ? "–" : reviewWords(v.getReviewBy(), day)) + "\nowner " + name(a.getOwner())));
            }
        }
        return section("Impact assessments", intro, rows, day);
    }

    private PackSection internalAudits(Instant asOf, LocalDate day) {
        String intro = "The internal audit programme (9.2) as planned by " + day
                + ", with each audit's state then and, once completed, its conclusion and findings.";
        List<InternalAudit> planned = audits.findAllByOrderByPlannedFromDescReferenceDesc().stream()
                .filter(a -> a.getCreatedAt().isBefore(asOf))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!planned.isEmpty()) {
            Map<Long, Map<AuditVocabulary.FindingKind, Long>> findings = new HashMap<>();
            auditFindings
                    .findByAuditIdIn(planned.stream().map(InternalAudit::getId).toList())
                    .stream()
                    .filter(f -> f.getRaisedAt().isBefore(asOf))
                    .forEach(f -> findings.computeIfAbsent(
                                    f.getAuditId(), k -> new java.util.EnumMap<>(AuditVocabulary.FindingKind.class))
                            .merge(f.getKind(), 1L, Long::sum));
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Audit", "Planned", "State", "Auditors · findings"));
            for (InternalAudit a : planned) {
                String state;
                if (a.getStatus() == AuditStatus.COMPLETED && a.getCompletedAt().isBefore(asOf)) {
                    state = "Completed on " + day(a.getCompletedAt()) + ":\n" + a.getConclusion();
                } else if (a.getStatus() == AuditStatus.CANCELLED) {
                    state = "Cancelled";
                } else if (a.getStartedAt() != null && a.getStartedAt().isBefore(asOf)) {
                    state = "In progress";
                } else {
                    state = "Planned";
                }
                rows.add(DocRow.tr(
                        a.getReference() + " " + a.getTitle(),
                        a.getPlannedFrom() + " –\n" + a.getPlannedTo(),
                        state,
                        a.getAuditors().stream().map(this::name).collect(Collectors.joining(", ")) + "\n"
                                + AuditVocabulary.findingsSentence(findings.getOrDefault(a.getId(), Map.of()))));
            }
        }
        return section("Internal audits", intro, rows, day);
    }

    private PackSection managementReviews(Instant asOf, LocalDate day) {
        String intro = "Management reviews (9.3) planned or held by " + day
                + ", with the decisions and actions each held review recorded by then.";
        List<ManagementReview> known = reviews.findAllByOrderByMeetingDateDescReferenceDesc().stream()
                .filter(r -> r.getCreatedAt().isBefore(asOf))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!known.isEmpty()) {
            Map<Long, List<ReviewOutput>> byReview =
                    outputs
                            .findByReviewIdIn(
                                    known.stream().map(ManagementReview::getId).toList())
                            .stream()
                            .filter(o -> o.getCreatedAt().isBefore(asOf))
                            .collect(Collectors.groupingBy(ReviewOutput::getReviewId));
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Review", "Meeting · chair", "State", "Outputs"));
            for (ManagementReview r : known) {
                boolean held = r.isHeld() && r.getHeldAt().isBefore(asOf);
                List<ReviewOutput> outs = byReview.getOrDefault(r.getId(), List.of());
                long decisions = outs.stream()
                        .filter(o -> ReviewOutput.DECISION.equals(o.getKind()))
                        .count();
                long open = outs.stream()
                        .filter(o -> ReviewOutput.ACTION.equals(o.getKind())
                                && (o.getDoneAt() == null || !o.getDoneAt().isBefore(asOf)))
                        .count();
                rows.add(DocRow.tr(
                        r.getReference() + " " + r.getTitle(),
                        r.getMeetingDate() + "\nchair " + name(r.getChair()),
                        held ? "Held; minutes recorded on\n" + day(r.getHeldAt()) : "Planned",
                        ImpactVocabulary.count(decisions, "decision") + ", "
                                + ImpactVocabulary.count(outs.size() - decisions, "action") + " (" + open
                                + " open)"));
            }
        }
        return section("Management reviews", intro, rows, day);
    }

    private PackSection nonconformities(Instant asOf, LocalDate day) {
        String intro = "Nonconformities and improvement opportunities (10.1, 10.2) raised by " + day
                + ", with their corrective actions and the state reached then.";
        List<Nonconformity> raised = ncs.findAllByOrderByRaisedAtDesc().stream()
                .filter(n -> n.getRaisedAt().isBefore(asOf))
                .toList();
        List<DocRow> rows = new ArrayList<>();
        if (!raised.isEmpty()) {
            Map<Long, List<CorrectiveAction>> byNc =
                    actions
                            .findByNonconformityIdIn(
                                    raised.stream().map(Nonconformity::getId).toList())
                            .stream()
                            .filter(a -> a.getCreatedAt().isBefore(asOf))
                            .collect(Collectors.groupingBy(CorrectiveAction::getNonconformityId));
            rows.add(DocRow.th(Layout.TEXT_FIRST, "Nonconformity", "Source · owner", "State", "Corrective actions"));
            for (Nonconformity n : raised) {
                boolean closed = n.getClosedAt() != null && n.getClosedAt().isBefore(asOf);
                List<CorrectiveAction> as = byNc.getOrDefault(n.getId(), List.of());
                long done = as.stream()
                        .filter(a -> a.getDoneAt() != null && a.getDoneAt().isBefore(asOf))
                        .count();
                long overdue = as.stream()
                        .filter(a -> (a.getDoneAt() == null || !a.getDoneAt().isBefore(asOf))
                                && a.getDue().isBefore(day))
                        .count();
                rows.add(DocRow.tr(
                        n.getReference() + " " + n.getTitle() + " ("
                                + n.getKind().label() + ")",
                        n.getSource().label() + "\nowner " + name(n.getOwner()),
                        closed
                                ? "Closed on " + day(n.getClosedAt()) + ",\nfound effective by "
                                        + n.getEffectivenessBy()
                                : (n.getStatus() == NcStatus.IN_TREATMENT ? NcStatus.IN_TREATMENT.label() : "Open")
                                        + ", raised on\n" + day(n.getRaisedAt()),
                        as.isEmpty()
                                ? "None yet"
                                : done + " of " + as.size() + " done" + (overdue > 0 ? ", " + overdue + " overdue" : "")
                                        + as.stream()
                                                .map(a -> "\ndue " + a.getDue() + ": " + a.getDescription() + " ("
                                                        + a.getOwner() + ")")
                                                .collect(Collectors.joining())));
            }
        }
        return section("Nonconformities and corrective actions", intro, rows, day);
    }

    // --- words

    private static PackSection section(String title, String intro, List<DocRow> rows, LocalDate day) {
        return new PackSection(
                title, intro, rows.isEmpty() ? List.of(DocRow.p("None recorded by " + day + ".")) : rows);
    }

    /** "Version 2, approved by ana on 2026-01-10, effective 2026-01-15". */
    private static String versionLine(DocumentVersion v) {
        return "Version " + v.getNumber() + ", approved by " + v.getApprovedBy() + " on " + day(v.getApprovedAt())
                + ", effective " + v.getEffectiveFrom();
    }

    /** "Version 2 from 2026-01-15" / "approved by ana": for a table cell. */
    private static String versionLine(ImpactAssessmentVersion v) {
        return "Version " + v.getNumber() + " from " + v.getEffectiveFrom() + "\napproved by " + v.getApprovedBy();
    }

    /**
     * "review by" / "2026-06-30" or, past it on the day, "review overdue since" / "2026-06-30": in a narrow cell a
     * date starts its own line, so it never breaks at a hyphen.
     */
    private static String reviewWords(LocalDate reviewBy, LocalDate day) {
        if (reviewBy == null) {
            return "no review date";
        }
        return (reviewBy.isBefore(day) ? "review overdue since\n" : "review by\n") + reviewBy;
    }

    private static String percent(long part, long all) {
        return Math.round(100.0 * part / all) + " %";
    }

    private static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private String name(String username) {
        return username == null ? "–" : username;
    }

    private Map<Long, String> systemNames() {
        return systems.profiles().stream().collect(Collectors.toMap(p -> p.systemId(), p -> p.name(), (a, b) -> a));
    }

    private static String joined(List<String> items) {
        return items == null || items.isEmpty() ? "None listed" : String.join("; ", items);
    }

    private static String orNone(String text) {
        return blank(text) ? "–" : text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
