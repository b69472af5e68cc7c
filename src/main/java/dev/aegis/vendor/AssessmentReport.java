package dev.aegis.vendor;

import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.reports.Reports;
import dev.aegis.vendor.AssessmentReview.Item;
import dev.aegis.vendor.AssessmentReview.Review;
import dev.aegis.vendor.ReviewEvents.AssessmentReportExported;
import dev.aegis.vendor.ShortfallFindings.Finding;
import dev.aegis.vendor.ShortfallFindings.ProposedRisk;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment report as PDF ({@code reports/vendor-assessment.jrxml}): the vendor, the scope (questionnaire and
 * version, dependent AI systems, due date, who started it), every shown question with the answer, its score, the
 * evidence files' SHA-256 and the reviewer's comment, the score, the findings and the decision. Every export is in the
 * audit log.
 */
@Service
@Transactional
public class AssessmentReport {

    private final AssessmentReview review;
    private final ShortfallFindings findings;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentReport(
            AssessmentReview review,
            ShortfallFindings findings,
            Reports reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.review = review;
        this.findings = findings;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** One question of the report, as the template reads it. */
    public record Line(
            String section,
            String question,
            String requirements,
            String answer,
            String score,
            String evidence,
            String comment) {
        public String getSection() {
            return section;
        }

        public String getQuestion() {
            return question;
        }

        public String getRequirements() {
            return requirements;
        }

        public String getAnswer() {
            return answer;
        }

        public String getScore() {
            return score;
        }

        public String getEvidence() {
            return evidence;
        }

        public String getComment() {
            return comment;
        }
    }

    @PreAuthorize(VendorService.READERS)
    public void pdf(long id, OutputStream out) {
        Review r = review.review(id);
        Assessment a = r.assessment();
        List<Line> lines = r.items().stream()
                .filter(Item::shown)
                .map(AssessmentReport::line)
                .toList();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("heading", "Vendor assessment — " + r.vendor());
        parameters.put(
                "scope",
                r.template() + ", version " + r.templateVersion() + "; due " + a.getDueOn()
                        + "; started by " + a.getStartedBy() + " on "
                        + Dates.minute(a.getCreatedAt())
                        + (a.getSubmittedAt() == null ? "" : "; submitted " + Dates.minute(a.getSubmittedAt()))
                        + ".\nAI systems depending on the vendor: "
                        + (r.systems().isEmpty()
                                ? "none recorded"
                                : String.join(", ", r.systems().values())) + ".");
        parameters.put("state", a.getState().label());
        parameters.put("score", r.score() == null ? "not scored (no scored question answered)" : r.score() + " of 100");
        parameters.put("findings", findingsText(r));
        parameters.put("decision", decision(a));
        parameters.put("generatedAt", Dates.minute(clock.instant()));
        parameters.put("generatedBy", Actors.current());
        reports.pdf("vendor-assessment", lines, parameters, out);
        events.publishEvent(new AssessmentReportExported(id, "pdf"));
    }

    private String findingsText(Review r) {
        List<Finding> found = findings.findingsOf(r);
        if (found.isEmpty()) {
            return "No answer falls short (every scored answer scores " + ShortfallFindings.THRESHOLD + " or more).";
        }
        Map<String, List<ProposedRisk>> risks =
                findings.proposalsOf(r).stream().collect(Collectors.groupingBy(ProposedRisk::questionId));
        return found.stream()
                .map(f -> "• " + f.question() + " — answered \"" + f.answer() + "\", score " + f.score()
                        + (f.requirements().isEmpty()
                                ? ""
                                : "; bears on "
                                        + f.requirements().stream()
                                                .map(Questionnaire.RequirementRef::words)
                                                .collect(Collectors.joining(", ")))
                        + risks(risks.getOrDefault(f.questionId(), List.of())))
                .collect(Collectors.joining("\n"));
    }

    private static String risks(List<ProposedRisk> proposed) {
        if (proposed.isEmpty()) {
            return "; no AI system depends on the vendor";
        }
        return "; "
                + proposed.stream()
                        .map(p ->
                                p.system() + ": " + (p.confirmed() ? "risk " + p.riskId() : "proposed, not confirmed"))
                        .collect(Collectors.joining(", "));
    }

    private static String decision(Assessment a) {
        if (a.getDecidedAt() == null) {
            return "Not decided yet (" + a.getState().label() + ").";
        }
        String what = switch (a.getState()) {
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            default -> "Returned to the vendor for clarification";
        };
        return what + " by " + a.getDecidedBy() + " on " + Dates.minute(a.getDecidedAt())
                + (a.getDecisionNote() == null ? "." : ": " + a.getDecisionNote());
    }

    private static Line line(Item item) {
        String evidence = item.files().stream()
                .map(f -> f.name() + " (" + InspectedFile.readableSize(f.size()) + ")\nSHA-256 " + f.sha256())
                .collect(Collectors.joining("\n"));
        String required = item.question().required() ? " (required)" : "";
        return new Line(
                item.section(),
                item.question().text() + required,
                item.requirements(),
                !item.answered()
                        ? "— not answered —"
                        : item.question().type() == Questionnaire.QuestionType.FILE
                                ? item.files().size() + " file(s), see evidence"
                                : item.answer(),
                item.score() == null ? "" : String.valueOf(item.score()),
                evidence,
                item.comment() == null
                        ? ""
                        : item.comment().text() + " — " + item.comment().by());
    }
}
