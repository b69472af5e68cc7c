package dev.aegis.aims;

import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.ManagementReviewInput.ReviewSection;
import dev.aegis.finding.FindingService;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Band;
import dev.aegis.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles a management review's inputs (ISO/IEC 42001 9.3.2) as of the end of its meeting date, from the records
 * themselves: a record made after that moment is no input. The period looked back on runs from the previous held
 * review's meeting (or twelve months before). Other sections plug in through {@link ManagementReviewInput}.
 */
@Component
class ReviewInputs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ManagementReviews reviews;
    private final ReviewOutputs outputs;
    private final Nonconformities ncs;
    private final CorrectiveActions actions;
    private final InternalAudits audits;
    private final AuditFindings auditFindings;
    private final VersionsInForce inForce;
    private final AimsDocuments documents;
    private final FindingService findings;
    private final RiskService risks;
    private final List<ManagementReviewInput> extensions;

    ReviewInputs(
            ManagementReviews reviews,
            ReviewOutputs outputs,
            Nonconformities ncs,
            CorrectiveActions actions,
            InternalAudits audits,
            AuditFindings auditFindings,
            VersionsInForce inForce,
            AimsDocuments documents,
            FindingService findings,
            RiskService risks,
            List<ManagementReviewInput> extensions) {
        this.reviews = reviews;
        this.outputs = outputs;
        this.ncs = ncs;
        this.actions = actions;
        this.audits = audits;
        this.auditFindings = auditFindings;
        this.inForce = inForce;
        this.documents = documents;
        this.findings = findings;
        this.risks = risks;
        this.extensions = extensions;
    }

    /** The end of the meeting day: records made before it are inputs. */
    static Instant asOf(LocalDate meetingDate) {
        return meetingDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    List<ReviewSection> assemble(LocalDate meetingDate) {
        Instant asOf = asOf(meetingDate);
        Optional<ManagementReview> previous =
                reviews.findByMeetingDateBeforeOrderByMeetingDateDesc(meetingDate).stream()
                        .filter(r -> r.isHeld() && r.getHeldAt().isBefore(asOf))
                        .findFirst();
        Instant from = previous.map(r -> asOf(r.getMeetingDate()))
                .orElse(asOf.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant());
        String period = "since " + Dates.day(from.atOffset(ZoneOffset.UTC).toLocalDate())
                + previous.map(r -> " (the previous review, " + r.getReference() + ")")
                        .orElse(" (twelve months)");
        TreeMap<Integer, ReviewSection> sections = new TreeMap<>();
        sections.put(10, earlierActions(meetingDate, asOf));
        sections.put(20, issues(asOf, from, period));
        sections.put(30, nonconformities(asOf, from, period));
        sections.put(40, monitoring(asOf, from, period));
        sections.put(50, auditResults(asOf, from, period));
        sections.put(70, risks(asOf));
        for (ManagementReviewInput e : extensions) {
            sections.put(e.order(), e.sectionAsOf(asOf, from));
        }
        return List.copyOf(sections.values());
    }

    static String json(List<ReviewSection> sections) {
        return JSON.writeValueAsString(sections);
    }

    static List<ReviewSection> read(String json) {
        return JSON.readValue(json, new tools.jackson.core.type.TypeReference<List<ReviewSection>>() {});
    }

    private ReviewSection earlierActions(LocalDate meetingDate, Instant asOf) {
        List<ManagementReview> earlier = reviews.findByMeetingDateBeforeOrderByMeetingDateDesc(meetingDate).stream()
                .filter(r -> r.isHeld() && r.getHeldAt().isBefore(asOf))
                .toList();
        Map<Long, String> refs =
                earlier.stream().collect(Collectors.toMap(ManagementReview::getId, ManagementReview::getReference));
        List<String> lines = new ArrayList<>();
        LocalDate day = meetingDate;
        for (ReviewOutput o : outputs.findByReviewIdIn(refs.keySet())) {
            if (!ReviewOutput.ACTION.equals(o.getKind()) || !o.getCreatedAt().isBefore(asOf)) {
                continue;
            }
            boolean done = o.getDoneAt() != null && o.getDoneAt().isBefore(asOf);
            lines.add(refs.get(o.getReviewId()) + ": " + o.getText() + " (" + o.getOwner() + ", due "
                    + Dates.day(o.getDue()) + ") — "
                    + (done
                            ? "done "
                                    + Dates.day(o.getDoneAt()
                                            .atOffset(ZoneOffset.UTC)
                                            .toLocalDate())
                            : o.getDue().isBefore(day) ? "open, overdue" : "open"));
        }
        if (lines.isEmpty()) {
            lines.add(
                    earlier.isEmpty()
                            ? "This is the first management review recorded in Aegis."
                            : "Earlier reviews set no actions.");
        }
        return new ReviewSection("Status of actions from previous management reviews", lines);
    }

    private ReviewSection issues(Instant asOf, Instant from, String period) {
        Optional<ContextAndScope> now = scopeAt(asOf.minusMillis(1));
        Optional<ContextAndScope> then = scopeAt(from);
        List<String> lines = new ArrayList<>();
        if (now.isEmpty()) {
            lines.add("No context and scope statement was in force: internal and external issues are not recorded.");
            return new ReviewSection("Changes in external and internal issues", lines);
        }
        Set<String> before = then.map(ReviewInputs::issues).orElse(Set.of());
        Set<String> after = issues(now.get());
        after.stream().filter(i -> !before.contains(i)).forEach(i -> lines.add("New: " + i));
        before.stream().filter(i -> !after.contains(i)).forEach(i -> lines.add("No longer listed: " + i));
        if (lines.isEmpty()) {
            lines.add("No change " + period + "; " + ImpactVocabulary.count(after.size(), "issue")
                    + " recorded in the scope statement.");
        } else if (then.isEmpty()) {
            lines.addFirst("The scope statement came into force " + period + ":");
        }
        return new ReviewSection("Changes in external and internal issues", lines);
    }

    private static Set<String> issues(ContextAndScope s) {
        Set<String> out = new LinkedHashSet<>();
        s.internalIssues().forEach(i -> out.add("internal issue \"" + i + "\""));
        s.externalIssues().forEach(i -> out.add("external issue \"" + i + "\""));
        return out;
    }

    private Optional<ContextAndScope> scopeAt(Instant at) {
        List<DocumentVersion> published = inForce.publishedAt(at);
        Set<Long> scopeDocs =
                documents
                        .findAllById(published.stream()
                                .map(DocumentVersion::getDocumentId)
                                .toList())
                        .stream()
                        .filter(d -> d.getKind() == DocumentKind.CONTEXT_AND_SCOPE)
                        .map(AimsDocument::getId)
                        .collect(Collectors.toSet());
        return published.stream()
                .filter(v -> scopeDocs.contains(v.getDocumentId()))
                .findFirst()
                .map(v -> JSON.readValue(v.getContent(), ContextAndScope.class));
    }

    private ReviewSection nonconformities(Instant asOf, Instant from, String period) {
        List<Nonconformity> known = ncs.findAll().stream()
                .filter(n -> n.getRaisedAt().isBefore(asOf))
                .sorted(Comparator.comparing(Nonconformity::getReference))
                .toList();
        List<String> lines = new ArrayList<>();
        long raised =
                known.stream().filter(n -> !n.getRaisedAt().isBefore(from)).count();
        long closed = known.stream()
                .filter(n -> n.getClosedAt() != null
                        && n.getClosedAt().isBefore(asOf)
                        && !n.getClosedAt().isBefore(from))
                .count();
        lines.add(raised + " raised and " + closed + " closed " + period + ".");
        LocalDate day = asOf.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
        Map<Long, List<CorrectiveAction>> byNc =
                actions
                        .findByNonconformityIdIn(
                                known.stream().map(Nonconformity::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(CorrectiveAction::getNonconformityId));
        for (Nonconformity n : known) {
            boolean open = n.getClosedAt() == null || !n.getClosedAt().isBefore(asOf);
            if (!open) {
                continue;
            }
            List<CorrectiveAction> as = byNc.getOrDefault(n.getId(), List.of()).stream()
                    .filter(a -> a.getCreatedAt().isBefore(asOf))
                    .toList();
            long done = as.stream()
                    .filter(a -> a.getDoneAt() != null && a.getDoneAt().isBefore(asOf))
                    .count();
            long overdue = as.stream()
                    .filter(a -> (a.getDoneAt() == null || !a.getDoneAt().isBefore(asOf))
                            && a.getDue().isBefore(day))
                    .count();
            lines.add("Open: " + n.getReference() + " " + n.getTitle() + " ("
                    + n.getKind().label().toLowerCase(java.util.Locale.ROOT) + "; " + done + " of " + as.size()
                    + " actions done" + (overdue > 0 ? ", " + overdue + " overdue" : "") + ")");
        }
        known.stream()
                .filter(n -> n.getKind() == NcKind.NONCONFORMITY
                        && n.getClosedAt() != null
                        && n.getClosedAt().isBefore(asOf)
                        && !n.getClosedAt().isBefore(from))
                .forEach(n -> lines.add("Closed: " + n.getReference() + " " + n.getTitle() + " (found effective "
                        + Dates.day(n.getClosedAt().atOffset(ZoneOffset.UTC).toLocalDate()) + ")"));
        return new ReviewSection("Nonconformities and corrective actions", lines);
    }

    private ReviewSection monitoring(Instant asOf, Instant from, String period) {
        Map<String, Long> bySeverity = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        var page = findings.search(FindingService.Filter.none(), PageRequest.of(0, 500));
        long count = 0;
        for (var f : page.getContent()) {
            if (f.getFirstSeen() != null
                    && f.getFirstSeen().isBefore(asOf)
                    && !f.getFirstSeen().isBefore(from)) {
                count++;
                bySeverity.merge(f.getSeverity().label(), 1L, Long::sum);
            }
        }
        lines.add(
                count == 0
                        ? "No telemetry finding " + period + "."
                        : ImpactVocabulary.count(count, "telemetry finding") + " first seen " + period + ": "
                                + bySeverity.entrySet().stream()
                                        .map(e ->
                                                e.getValue() + " " + e.getKey().toLowerCase(java.util.Locale.ROOT))
                                        .collect(Collectors.joining(", "))
                                + ".");
        for (var f : page.getContent()) {
            if (f.getFirstSeen() != null
                    && f.getFirstSeen().isBefore(asOf)
                    && !f.getFirstSeen().isBefore(from)) {
                lines.add(f.getSeverity().label() + ": " + f.getTitle() + " (first seen "
                        + Dates.day(f.getFirstSeen().atOffset(ZoneOffset.UTC).toLocalDate()) + ")");
            }
        }
        return new ReviewSection("Monitoring and measurement results", lines);
    }

    private ReviewSection auditResults(Instant asOf, Instant from, String period) {
        List<String> lines = new ArrayList<>();
        for (InternalAudit a : audits.findAllByOrderByPlannedFromDescReferenceDesc()) {
            boolean completed = a.getStatus() == AuditStatus.COMPLETED
                    && a.getCompletedAt().isBefore(asOf)
                    && !a.getCompletedAt().isBefore(from);
            if (completed) {
                Map<FindingKind, Long> kinds = new EnumMap<>(FindingKind.class);
                auditFindings.findByAuditIdOrderByIdAsc(a.getId()).stream()
                        .filter(f -> f.getRaisedAt().isBefore(asOf))
                        .forEach(f -> kinds.merge(f.getKind(), 1L, Long::sum));
                lines.add(a.getReference() + " " + a.getTitle() + ", completed "
                        + Dates.day(a.getCompletedAt().atOffset(ZoneOffset.UTC).toLocalDate()) + ": "
                        + AuditVocabulary.findingsSentence(kinds).toLowerCase(java.util.Locale.ROOT) + ".");
            }
        }
        if (lines.isEmpty()) {
            lines.add("No internal audit was completed " + period + ".");
        }
        return new ReviewSection("Internal audit results", lines);
    }

    private ReviewSection risks(Instant asOf) {
        Map<Band, Long> bands = new EnumMap<>(Band.class);
        List<String> lines = new ArrayList<>();
        var page = risks.search(RiskService.Filter.none(), PageRequest.of(0, 1000));
        List<dev.aegis.risk.Risk> known = page.getContent().stream()
                .filter(r -> r.getCreatedAt().isBefore(asOf))
                .toList();
        known.forEach(r -> bands.merge(Band.of(r.getInherentScore()), 1L, Long::sum));
        lines.add(
                known.isEmpty()
                        ? "No risk was identified by the meeting."
                        : ImpactVocabulary.count(known.size(), "risk") + " identified by the meeting, by inherent "
                                + "score: "
                                + bands.entrySet().stream()
                                        .map(e -> e.getValue() + " "
                                                + e.getKey().label().toLowerCase(java.util.Locale.ROOT))
                                        .collect(Collectors.joining(", "))
                                + ".");
        known.stream()
                .filter(r -> Band.of(r.getInherentScore()) == Band.CRITICAL)
                .limit(10)
                .forEach(r -> lines.add("Critical: " + r.getTitle() + " (owner " + r.getOwner() + ")"));
        return new ReviewSection("Risks and opportunities", lines);
    }
}
