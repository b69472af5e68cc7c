package dev.aegis.vendor;

import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.SecretTokens;
import dev.aegis.vendor.VendorEvents.AssessmentDecided;
import dev.aegis.vendor.VendorEvents.AssessmentStarted;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Vendor assessments as the organisation runs them: vendor managers and administrators start one for a vendor from a
 * template version with a due date, send the vendor its private link (shown once; a new one revokes the old), and
 * return, approve or reject what the vendor submitted; governance officers and auditors read. Approving scores the
 * vendor from the answers.
 */
@Service
@Transactional
public class AssessmentService {

    /** Days after the due date a private link still opens the assessment. */
    public static final int GRACE_DAYS = 14;
    /** The prefix of portal tokens, so secret scanners recognise them. */
    static final String TOKEN_PREFIX = "aegp_";

    private final Assessments assessments;
    private final AssessmentAnswers answers;
    private final AssessmentLinks links;
    private final Vendors vendors;
    private final QuestionnaireTemplates templates;
    private final ApplicationEventPublisher events;
    private final InvitationMailer mailer;
    private final Clock clock;

    AssessmentService(
            Assessments assessments,
            AssessmentAnswers answers,
            AssessmentLinks links,
            Vendors vendors,
            QuestionnaireTemplates templates,
            InvitationMailer mailer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mailer = mailer;
        this.assessments = assessments;
        this.answers = answers;
        this.links = links;
        this.vendors = vendors;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A private link as issued: the token appears here once and is kept only as its hash. {@code path} is the portal's
     * JSON API, {@code page} the page for people (the token in its fragment, never sent to a server).
     */
    public record IssuedLink(long assessmentId, String token, String path, String page, Instant expiresAt) {}

    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public List<Assessment> forVendor(long vendorId) {
        vendor(vendorId);
        return assessments.findByVendorIdOrderByCreatedAtDesc(vendorId);
    }

    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public Assessment get(long id) {
        return assessment(id);
    }

    /** The questionnaire the assessment was started with (its template version, whatever came after). */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public Questionnaire questionnaire(long id) {
        return questionnaireOf(assessment(id));
    }

    /** The answers so far, by question id. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public Map<String, AssessmentAnswer> answers(long id) {
        return answersOf(assessment(id).getId());
    }

    @PreAuthorize(VendorService.WRITERS)
    public Assessment start(long vendorId, long templateId, LocalDate dueOn) {
        vendor(vendorId);
        if (templates.findById(templateId).isEmpty()) {
            throw new DomainRuleException(
                    "templateId", "There is no questionnaire template version " + templateId + ".");
        }
        if (dueOn == null || dueOn.isBefore(LocalDate.now(clock))) {
            throw new DomainRuleException("dueOn", "Give a due date that is not in the past.");
        }
        Assessment assessment = assessments.saveAndFlush(
                new Assessment(vendorId, templateId, dueOn, Actors.current(), clock.instant()));
        events.publishEvent(new AssessmentStarted(assessment.getId(), vendorId, templateId));
        return assessment;
    }

    /**
     * Issues the vendor's private link, revoking any earlier one; it expires {@value #GRACE_DAYS} days after the due
     * date. A draft becomes invited.
     */
    @PreAuthorize(VendorService.WRITERS)
    public IssuedLink issueLink(long id) {
        Assessment assessment = assessment(id);
        Instant now = clock.instant();
        assessment.invited(now);
        revoke(id, now);
        String token = SecretTokens.newValue(TOKEN_PREFIX);
        Instant expires = assessment
                .getDueOn()
                .plusDays(GRACE_DAYS + 1L)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        links.saveAndFlush(new AssessmentLink(id, SecretTokens.sha256(token), expires, Actors.current(), now));
        assessments.saveAndFlush(assessment);
        return new IssuedLink(id, token, "/portal/v1/" + token, "/assets/vendor-portal.html#" + token, expires);
    }

    /** An invitation: the link issued (shown this once) and the addresses it was mailed to (none without mail). */
    public record Invitation(IssuedLink link, List<String> mailedTo) {}

    /**
     * Issues a new private link (revoking the previous one) and mails it to the vendor's contacts when a mail server
     * is configured.
     */
    @PreAuthorize(VendorService.WRITERS)
    public Invitation invite(long id) {
        IssuedLink link = issueLink(id);
        Assessment assessment = assessment(id);
        List<String> to = mailer.send(
                vendor(assessment.getVendorId()), questionnaireOf(assessment).title(), assessment.getDueOn(), link);
        return new Invitation(link, to);
    }

    /** Whether the assessment has a private link that still works (neither revoked nor expired): what can be revoked. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public boolean hasWorkingLink(long id) {
        Instant now = clock.instant();
        return links.findByAssessmentIdAndRevokedAtIsNull(id).stream().anyMatch(link -> link.usableAt(now));
    }

    /** Revokes the assessment's private link: it answers 410 from now on. */
    @PreAuthorize(VendorService.WRITERS)
    public void revokeLink(long id) {
        assessment(id);
        revoke(id, clock.instant());
    }

    @PreAuthorize(VendorService.WRITERS)
    public Assessment returnToVendor(long id, long expectedVersion, String note) {
        Assessment assessment = current(id, expectedVersion);
        assessment.returned(note, Actors.current(), clock.instant());
        assessment = assessments.saveAndFlush(assessment);
        events.publishEvent(new ReviewEvents.AssessmentReturned(id, assessment.getVendorId()));
        return assessment;
    }

    /** Approves a submitted assessment; its score (from the answers) becomes the vendor's risk score. */
    @PreAuthorize(VendorService.WRITERS)
    public Assessment approve(long id, long expectedVersion, String note) {
        Assessment assessment = current(id, expectedVersion);
        Integer score = sheet(assessment).score();
        Instant now = clock.instant();
        assessment.approved(score, note, Actors.current(), now);
        Vendor vendor = vendor(assessment.getVendorId());
        if (score != null) {
            vendor.scored(score, now);
            vendors.saveAndFlush(vendor);
        }
        revoke(id, now);
        assessments.saveAndFlush(assessment);
        events.publishEvent(AssessmentDecided.of(id, vendor, true, score, now));
        return assessment;
    }

    @PreAuthorize(VendorService.WRITERS)
    public Assessment reject(long id, long expectedVersion, String note) {
        Assessment assessment = current(id, expectedVersion);
        Instant now = clock.instant();
        assessment.rejected(note, Actors.current(), now);
        revoke(id, now);
        assessments.saveAndFlush(assessment);
        events.publishEvent(AssessmentDecided.of(id, vendor(assessment.getVendorId()), false, null, now));
        return assessment;
    }

    Questionnaire questionnaireOf(Assessment assessment) {
        return TemplateService.parse(
                templates.findById(assessment.getTemplateId()).orElseThrow().getDocument());
    }

    Map<String, AssessmentAnswer> answersOf(long assessmentId) {
        Map<String, AssessmentAnswer> byQuestion = new LinkedHashMap<>();
        answers.findByAssessmentId(assessmentId).forEach(a -> byQuestion.put(a.getQuestionId(), a));
        return byQuestion;
    }

    AnswerSheet sheet(Assessment assessment) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        answersOf(assessment.getId()).forEach((q, a) -> values.put(q, TemplateService.JSON.readTree(a.getValue())));
        return new AnswerSheet(questionnaireOf(assessment), values);
    }

    private void revoke(long id, Instant now) {
        for (AssessmentLink link : links.findByAssessmentIdAndRevokedAtIsNull(id)) {
            link.revoke(Actors.current(), now);
            links.saveAndFlush(link);
        }
    }

    private Assessment current(long id, long expectedVersion) {
        Assessment assessment = assessment(id);
        if (assessment.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Assessment.class, id);
        }
        return assessment;
    }

    private Assessment assessment(long id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("No assessment " + id));
    }

    private Vendor vendor(long id) {
        return vendors.findById(id).orElseThrow(() -> new NotFoundException("No vendor " + id));
    }
}
