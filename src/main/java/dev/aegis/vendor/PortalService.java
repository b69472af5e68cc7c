package dev.aegis.vendor;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.OrganisationProfile;
import dev.aegis.shared.SecretTokens;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.VendorEvents.AssessmentSubmitted;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The vendor's side of an assessment, reached only through its private link: the token is the permission and opens
 * exactly one assessment. An unknown token is not found; a revoked or expired one, or one of a decided assessment, is
 * gone. Neither says more.
 */
@Service
@Transactional
public class PortalService {

    private final Assessments assessments;
    private final AssessmentAnswers answers;
    private final AssessmentLinks links;
    private final Vendors vendors;
    private final AssessmentService service;
    private final ApplicationEventPublisher events;
    private final OrganisationProfile organisation;
    private final Clock clock;

    PortalService(
            Assessments assessments,
            AssessmentAnswers answers,
            AssessmentLinks links,
            Vendors vendors,
            AssessmentService service,
            ApplicationEventPublisher events,
            OrganisationProfile organisation,
            Clock clock) {
        this.assessments = assessments;
        this.answers = answers;
        this.links = links;
        this.vendors = vendors;
        this.service = service;
        this.events = events;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** The link was revoked or has expired, or its assessment was decided. */
    public static final class LinkGoneException extends RuntimeException {
        LinkGoneException() {
            super("This link is no longer valid. Ask the organisation that sent it for a new one.");
        }
    }

    /** A question as the vendor sees it (no scores, weights or requirement references). */
    public record PortalQuestion(
            String id,
            String type,
            String text,
            boolean required,
            List<Choice> options,
            Questionnaire.Condition showIf,
            String help) {}

    /** An option; an exclusive one ("None of these") cannot be chosen with any other. */
    public record Choice(String value, String label, boolean exclusive) {}

    public record PortalSection(String id, String title, List<PortalQuestion> questions) {}

    public record Answer(JsonNode value, long version, Instant updatedAt) {}

    /** A saved answer, with the questions shown and the required ones still open now that it is saved. */
    public record Saved(JsonNode value, long version, Instant updatedAt, Set<String> shown, List<String> missing) {}

    /**
     * The questionnaire with the answers so far, which questions are shown and which required ones are open;
     * {@code organisation} is who sent it, {@code submittedAt} when the answers were last submitted.
     */
    public record PortalView(
            String organisation,
            String vendor,
            String title,
            String description,
            LocalDate dueOn,
            String state,
            boolean open,
            List<PortalSection> sections,
            Map<String, Answer> answers,
            Set<String> shown,
            List<String> missing,
            Instant submittedAt) {}

    /**
     * Someone else saved this answer after the vendor's copy was read: the vendor chooses between theirs (read again
     * with {@link #current}) and its own. A page never conflicts with itself, as it saves each question's changes one
     * after another.
     */
    public static final class AnswerConflictException extends RuntimeException {
        private final String question;

        AnswerConflictException(String questionId, String text, Throwable cause) {
            super("Someone else saved an answer to “" + text + "” meanwhile. Choose which answer to keep.", cause);
            this.question = questionId;
        }

        public String question() {
            return question;
        }
    }

    /** Required questions are still open; the message names them by their text. */
    public static final class MissingAnswersException extends DomainRuleException {
        private final transient Map<String, String> missing;

        MissingAnswersException(Map<String, String> missing) {
            super(
                    "answers",
                    "Answer "
                            + (missing.size() == 1
                                    ? "the required question "
                                    : missing.size() + " required questions before submitting: ")
                            + String.join(
                                    "; ",
                                    missing.values().stream()
                                            .map(t -> "“" + t + "”")
                                            .toList()) + (missing.size() == 1 ? " before submitting." : "."));
            this.missing = missing;
        }

        /** Question id → text of every required question still open, in order. */
        public Map<String, String> missing() {
            return missing;
        }
    }

    @Transactional(readOnly = true)
    public PortalView open(String token) {
        return view(assessment(token));
    }

    /**
     * Saves one answer. {@code expectedVersion} is the version of the answer the vendor changed (null for a question
     * not answered yet); another edit in between is refused as a conflict.
     */
    public Saved answer(String token, String questionId, JsonNode value, Long expectedVersion) {
        Assessment assessment = assessment(token);
        Question question = service.questionnaireOf(assessment).questions().stream()
                .filter(q -> q.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No question " + questionId + " in this questionnaire."));
        if (question.type() == Questionnaire.QuestionType.FILE) {
            throw new DomainRuleException("answers." + questionId, "Upload a file to answer this question.");
        }
        AnswerSheet.check(question, value);
        Instant now = clock.instant();
        assessment.answered(now);
        AssessmentAnswer answer = answers.findByAssessmentIdAndQuestionId(assessment.getId(), questionId)
                .orElse(null);
        if (answer == null
                ? expectedVersion != null
                : expectedVersion == null || answer.getVersion() != expectedVersion) {
            throw new AnswerConflictException(questionId, question.text(), null);
        }
        if (answer == null) {
            answer = new AssessmentAnswer(assessment.getId(), questionId);
        }
        answer.set(TemplateService.JSON.writeValueAsString(value), now);
        try {
            answer = answers.saveAndFlush(answer);
        } catch (DataIntegrityViolationException | ObjectOptimisticLockingFailureException e) {
            throw new AnswerConflictException(questionId, question.text(), e);
        }
        assessments.saveAndFlush(assessment);
        AnswerSheet sheet = service.sheet(assessment);
        return new Saved(value, answer.getVersion(), answer.getUpdatedAt(), sheet.shown(), sheet.missing());
    }

    /** The answer to one question as it is stored now (null when there is none), to set beside a conflicting one. */
    @Transactional(readOnly = true)
    public Answer current(String token, String questionId) {
        Assessment assessment = assessment(token);
        AssessmentAnswer answer = answers.findByAssessmentIdAndQuestionId(assessment.getId(), questionId)
                .orElse(null);
        return answer == null ? null : new Answer(parse(answer.getValue()), answer.getVersion(), answer.getUpdatedAt());
    }

    /** Submits the answers once every required question that is shown has one. */
    public PortalView submit(String token) {
        Assessment assessment = assessment(token);
        List<String> missing = service.sheet(assessment).missing();
        if (!missing.isEmpty()) {
            Map<String, String> texts = new LinkedHashMap<>();
            service.questionnaireOf(assessment).questions().stream()
                    .filter(q -> missing.contains(q.id()))
                    .forEach(q -> texts.put(q.id(), q.text()));
            throw new MissingAnswersException(texts);
        }
        assessment.submitted(clock.instant());
        assessments.saveAndFlush(assessment);
        events.publishEvent(new AssessmentSubmitted(assessment.getId(), assessment.getVendorId()));
        return view(assessment);
    }

    /** An answer's stored JSON as a tree. */
    public static JsonNode parse(String json) {
        return TemplateService.JSON.readTree(json);
    }

    private PortalView view(Assessment assessment) {
        Questionnaire q = service.questionnaireOf(assessment);
        AnswerSheet sheet = service.sheet(assessment);
        Map<String, Answer> given = new LinkedHashMap<>();
        service.answersOf(assessment.getId())
                .forEach((id, a) ->
                        given.put(id, new Answer(sheet.answers().get(id), a.getVersion(), a.getUpdatedAt())));
        List<PortalSection> sections = q.sections().stream()
                .map(s -> new PortalSection(
                        s.id(),
                        s.title(),
                        (s.questions() == null ? List.<Question>of() : s.questions())
                                .stream()
                                        .map(x -> new PortalQuestion(
                                                x.id(),
                                                x.type().name(),
                                                x.text(),
                                                x.required(),
                                                x.options().stream()
                                                        .map(o -> new Choice(o.value(), o.label(), o.excludesOthers()))
                                                        .toList(),
                                                x.showIf(),
                                                x.help()))
                                        .toList()))
                .toList();
        String vendor =
                vendors.findById(assessment.getVendorId()).map(Vendor::getName).orElse("");
        return new PortalView(
                organisation.name(),
                vendor,
                q.title(),
                q.description(),
                assessment.getDueOn(),
                assessment.getState().name(),
                assessment.getState().open(),
                sections,
                given,
                sheet.shown(),
                sheet.missing(),
                assessment.getSubmittedAt());
    }

    Assessment assessment(String token) {
        if (token == null || !token.startsWith(AssessmentService.TOKEN_PREFIX) || token.length() > 100) {
            throw new NotFoundException("No questionnaire at this link.");
        }
        AssessmentLink link = links.findByTokenHash(SecretTokens.sha256(token))
                .orElseThrow(() -> new NotFoundException("No questionnaire at this link."));
        Assessment assessment = assessments.findById(link.getAssessmentId()).orElseThrow(LinkGoneException::new);
        if (!link.usableAt(clock.instant())
                || assessment.getState() == Assessment.State.APPROVED
                || assessment.getState() == Assessment.State.REJECTED) {
            throw new LinkGoneException();
        }
        return assessment;
    }
}
