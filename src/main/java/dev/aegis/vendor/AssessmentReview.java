package dev.aegis.vendor;

import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.vendor.PortalEvidence.FileContent;
import dev.aegis.vendor.PortalEvidence.ListedFile;
import dev.aegis.vendor.Questionnaire.Option;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.RequirementRef;
import dev.aegis.vendor.Questionnaire.Section;
import dev.aegis.vendor.ReviewEvents.AnswerFileDownloaded;
import dev.aegis.vendor.ReviewEvents.AssessmentReturned;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reviewing a vendor's answers side by side with the questions: each answer with its files (and their hashes), its
 * score and the vendor manager's comment. Vendor managers and administrators comment; governance officers and
 * auditors read. Comments reach the vendor when the assessment is returned for clarification, as they stood then.
 */
@Service
@Transactional
public class AssessmentReview {

    /** The longest comment kept. */
    public static final int MAX_COMMENT = 4000;

    private final AssessmentService service;
    private final Vendors vendors;
    private final QuestionnaireTemplates templates;
    private final AnswerFiles files;
    private final AnswerComments comments;
    private final VendorService vendorService;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AssessmentReview(
            AssessmentService service,
            Vendors vendors,
            QuestionnaireTemplates templates,
            AnswerFiles files,
            AnswerComments comments,
            VendorService vendorService,
            ApplicationEventPublisher events,
            Clock clock) {
        this.vendorService = vendorService;
        this.service = service;
        this.vendors = vendors;
        this.templates = templates;
        this.files = files;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    /** One question with the vendor's answer: what the review screen shows in a row, and the report in a line. */
    public record Item(
            String section,
            Question question,
            boolean shown,
            JsonNode value,
            String answer,
            Integer score,
            List<ListedFile> files,
            Comment comment) {

        public boolean answered() {
            return !AnswerSheet.empty(value);
        }

        /** The requirements the question bears on, e.g. "ISO-IEC-42001-2023 A.10.3, NIST-AI-RMF-1.0 GOVERN 6.1". */
        public String requirements() {
            return question.requirements().stream().map(RequirementRef::words).collect(Collectors.joining(", "));
        }
    }

    /** A manager's comment on an answer; {@code shared} is what the vendor was shown on the last return. */
    public record Comment(String text, String by, Instant at, long version, String shared) {}

    /** An assessment as a reviewer sees it. */
    public record Review(
            Assessment assessment,
            String vendor,
            Map<Long, String> systems,
            String template,
            int templateVersion,
            List<Item> items,
            Integer score) {}

    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public Review review(long id) {
        return reviewOf(service.get(id));
    }

    /** The comment on one answer, or null when there is none. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public Comment comment(long id, String questionId) {
        Assessment assessment = service.get(id);
        question(assessment, questionId);
        return comments.findByAssessmentIdAndQuestionId(id, questionId)
                .map(AssessmentReview::comment)
                .orElse(null);
    }

    /**
     * Writes (or, with blank text, removes) the comment on one answer. {@code expectedVersion} is the version of the
     * comment being replaced, null when there is none yet; someone else's change in between is a conflict.
     */
    @PreAuthorize(VendorService.WRITERS)
    public Comment writeComment(long id, String questionId, String text, Long expectedVersion) {
        Assessment assessment = service.get(id);
        question(assessment, questionId);
        if (assessment.getState() == Assessment.State.APPROVED || assessment.getState() == Assessment.State.REJECTED) {
            throw new DomainRuleException(
                    "state",
                    "Cannot comment: the assessment is " + assessment.getState().label() + ".");
        }
        if (text != null && text.strip().length() > MAX_COMMENT) {
            throw new DomainRuleException("text", "Keep the comment to " + MAX_COMMENT + " characters.");
        }
        AnswerComment comment =
                comments.findByAssessmentIdAndQuestionId(id, questionId).orElse(null);
        if (comment == null
                ? expectedVersion != null
                : expectedVersion == null || comment.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(AnswerComment.class, questionId);
        }
        if (text == null || text.isBlank()) {
            if (comment != null) {
                comments.delete(comment);
                comments.flush();
            }
            return null;
        }
        if (comment == null) {
            comment = new AnswerComment(id, questionId);
        }
        comment.write(text.strip(), Actors.current(), clock.instant());
        return comment(comments.saveAndFlush(comment));
    }

    /** A file the vendor uploaded for this assessment; the download is in the audit log. */
    @PreAuthorize(VendorService.READERS)
    public FileContent file(long id, long fileId) {
        service.get(id);
        AnswerFile f = files.findByIdAndAssessmentId(fileId, id)
                .orElseThrow(() -> new NotFoundException("No file " + fileId + " in assessment " + id));
        events.publishEvent(new AnswerFileDownloaded(id, fileId, f.getSha256()));
        return new FileContent(f.getName(), f.getMediaType(), f.getSha256(), f.getContent());
    }

    /** Returning an assessment shows the vendor the comments as they stand now. */
    @EventListener
    void on(AssessmentReturned returned) {
        Instant now = clock.instant();
        for (AnswerComment c : comments.findByAssessmentId(returned.assessmentId())) {
            c.shared(now);
            comments.saveAndFlush(c);
        }
    }

    Review reviewOf(Assessment assessment) {
        Questionnaire questionnaire = service.questionnaireOf(assessment);
        AnswerSheet sheet = service.sheet(assessment);
        Set<String> shown = sheet.shown();
        Map<String, List<ListedFile>> filesByQuestion = files.listed(assessment.getId()).stream()
                .map(ListedFile::of)
                .collect(Collectors.groupingBy(ListedFile::question));
        Map<String, Comment> commentsByQuestion = comments.findByAssessmentId(assessment.getId()).stream()
                .collect(Collectors.toMap(AnswerComment::getQuestionId, AssessmentReview::comment));
        List<Item> items = new ArrayList<>();
        for (Section section : questionnaire.sections()) {
            for (Question q : section.questions() == null ? List.<Question>of() : section.questions()) {
                JsonNode value = sheet.answers().get(q.id());
                items.add(new Item(
                        section.title(),
                        q,
                        shown.contains(q.id()),
                        value,
                        text(q, value),
                        shown.contains(q.id()) ? score(q, value) : null,
                        filesByQuestion.getOrDefault(q.id(), List.of()),
                        commentsByQuestion.get(q.id())));
            }
        }
        Vendor vendor = vendors.findById(assessment.getVendorId()).orElseThrow();
        QuestionnaireTemplate template =
                templates.findById(assessment.getTemplateId()).orElseThrow();
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        Map<Long, String> known = vendorService.systemNames();
        vendor.getSystems().stream().sorted().forEach(s -> names.put(s, known.getOrDefault(s, "AI system " + s)));
        Integer score = assessment.getState() == Assessment.State.APPROVED && assessment.getScore() != null
                ? assessment.getScore()
                : sheet.score();
        return new Review(
                assessment, vendor.getName(), names, template.getTitle(), template.getVersion(), items, score);
    }

    /**
     * The score of one answer: the option's score, the mean of the chosen options' scores for a multiple choice; null
     * for an unscored question or one not answered.
     */
    static Integer score(Question q, JsonNode value) {
        if (q.weight() == 0 || !q.type().hasOptions() || AnswerSheet.empty(value)) {
            return null;
        }
        List<String> chosen = chosen(value);
        return (int) Math.round(q.options().stream()
                .filter(o -> chosen.contains(o.value()))
                .mapToInt(Option::score)
                .average()
                .orElse(0));
    }

    /** An answer in words: option labels for choices, the value otherwise; "" when not answered. */
    static String text(Question q, JsonNode value) {
        if (AnswerSheet.empty(value)) {
            return "";
        }
        if (q.type().hasOptions()) {
            List<String> chosen = chosen(value);
            return q.options().stream()
                    .filter(o -> chosen.contains(o.value()))
                    .map(Option::label)
                    .collect(Collectors.joining(", "));
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static List<String> chosen(JsonNode value) {
        List<String> chosen = new ArrayList<>();
        if (value.isString()) {
            chosen.add(value.asString());
        } else if (value.isArray()) {
            value.forEach(v -> chosen.add(v.asString()));
        }
        return chosen;
    }

    private Question question(Assessment assessment, String questionId) {
        return service.questionnaireOf(assessment).questions().stream()
                .filter(q -> q.id().equals(questionId))
                .findFirst()
                .orElseThrow(() ->
                        new NotFoundException("No question " + questionId + " in assessment " + assessment.getId()));
    }

    private static Comment comment(AnswerComment c) {
        return new Comment(c.getText(), c.getUpdatedBy(), c.getUpdatedAt(), c.getVersion(), c.getSharedText());
    }
}
