package dev.aegis.vendor;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.files.UploadInspector;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.QuestionType;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the vendor uploads and reads back through its private link besides answers: evidence files for FILE questions
 * (checked by the {@link UploadInspector}, stored with their SHA-256, listed and downloaded only through the link of
 * their own assessment) and the comments of a return for clarification.
 */
@Service
@Transactional
public class PortalEvidence {

    /** Who uploaded a file through the portal, as {@code answer_file.uploaded_by} names it. */
    static final String VENDOR = "vendor";

    private final PortalService portal;
    private final AssessmentService service;
    private final Assessments assessments;
    private final AssessmentAnswers answers;
    private final AnswerFiles files;
    private final AnswerComments comments;
    private final UploadInspector inspector;
    private final Clock clock;

    PortalEvidence(
            PortalService portal,
            AssessmentService service,
            Assessments assessments,
            AssessmentAnswers answers,
            AnswerFiles files,
            AnswerComments comments,
            UploadInspector inspector,
            Clock clock) {
        this.portal = portal;
        this.service = service;
        this.assessments = assessments;
        this.answers = answers;
        this.files = files;
        this.comments = comments;
        this.inspector = inspector;
        this.clock = clock;
    }

    /** A stored file as listed: everything but its bytes. */
    public record ListedFile(
            long id, String question, String name, String mediaType, long size, String sha256, Instant uploadedAt) {
        static ListedFile of(AnswerFiles.Listed f) {
            return new ListedFile(
                    f.id(), f.questionId(), f.name(), f.mediaType(), f.size(), f.sha256(), f.uploadedAt());
        }
    }

    /** A file to download. */
    public record FileContent(String name, String mediaType, String sha256, byte[] content) {}

    /** The return note and the comments per question as they stood when the assessment was returned. */
    public record Clarification(String note, Instant returnedAt, Map<String, String> comments) {}

    /**
     * Stores an upload for a FILE question of the link's assessment while the vendor may still answer; the answer to
     * the question then names every file uploaded for it with its hash.
     */
    public ListedFile upload(String token, String questionId, String fileName, InputStream content) {
        Assessment assessment = portal.assessment(token);
        Question question = service.questionnaireOf(assessment).questions().stream()
                .filter(q -> q.id().equals(questionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No question " + questionId + " in this questionnaire."));
        if (question.type() != QuestionType.FILE) {
            throw new DomainRuleException("answers." + questionId, "This question is not answered with a file.");
        }
        Instant now = clock.instant();
        assessment.answered(now);
        InspectedFile inspected = inspector.inspect("answers." + questionId, fileName, content);
        AnswerFile stored = files.saveAndFlush(new AnswerFile(
                assessment.getId(),
                questionId,
                inspected.name(),
                inspected.mediaType(),
                inspected.size(),
                inspected.sha256(),
                inspected.content(),
                VENDOR,
                now));
        AssessmentAnswer answer = answers.findByAssessmentIdAndQuestionId(assessment.getId(), questionId)
                .orElseGet(() -> new AssessmentAnswer(assessment.getId(), questionId));
        String named = files.listed(assessment.getId()).stream()
                .filter(f -> f.questionId().equals(questionId))
                .map(f -> f.name() + " (SHA-256 " + f.sha256() + ")")
                .collect(Collectors.joining("; "));
        answer.set(TemplateService.JSON.writeValueAsString(named), now);
        answers.saveAndFlush(answer);
        assessments.saveAndFlush(assessment);
        return new ListedFile(
                stored.getId(),
                questionId,
                stored.getName(),
                stored.getMediaType(),
                stored.getSize(),
                stored.getSha256(),
                stored.getUploadedAt());
    }

    /** The files of the link's assessment, by question and upload time. */
    @Transactional(readOnly = true)
    public List<ListedFile> files(String token) {
        return files.listed(portal.assessment(token).getId()).stream()
                .map(ListedFile::of)
                .toList();
    }

    /** One file of the link's assessment; a file of any other assessment is not found. */
    @Transactional(readOnly = true)
    public FileContent download(String token, long fileId) {
        Assessment assessment = portal.assessment(token);
        AnswerFile f = files.findByIdAndAssessmentId(fileId, assessment.getId())
                .orElseThrow(() -> new NotFoundException("No such file in this questionnaire."));
        return new FileContent(f.getName(), f.getMediaType(), f.getSha256(), f.getContent());
    }

    /**
     * What the organisation asked when it returned the assessment, while the vendor may answer again; empty before a
     * return and once submitted again.
     */
    @Transactional(readOnly = true)
    public Clarification clarification(String token) {
        Assessment assessment = portal.assessment(token);
        Map<String, String> shared = new LinkedHashMap<>();
        if (!assessment.getState().open() || assessment.getDecidedAt() == null) {
            return new Clarification(null, null, shared);
        }
        comments.findByAssessmentId(assessment.getId()).stream()
                .filter(c -> c.getSharedText() != null && !c.getSharedText().isBlank())
                .forEach(c -> shared.put(c.getQuestionId(), c.getSharedText()));
        return new Clarification(assessment.getDecisionNote(), assessment.getDecidedAt(), shared);
    }
}
