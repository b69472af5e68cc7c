package dev.aegis.aims;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService.DocumentView;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.ImpactAssessmentService.Details;
import dev.aegis.aims.ImpactAssessmentService.ImpactAssessmentView;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.notification.Notification;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class ReviewReminderTest {

    @Autowired
    ReviewReminderSchedule schedule;

    @Autowired
    ReviewReminder reminder;

    @Autowired
    AimsDocumentService documents;

    @Autowired
    ImpactAssessmentService assessments;

    @Autowired
    AiSystemService systems;

    @Autowired
    Notifications notifications;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void owners_hear_once_when_a_review_date_nears_and_once_more_when_it_has_passed() {
        AegisUser owner = accounts.create("review-owner", Role.GOVERNANCE_OFFICER);
        AegisUser approver = accounts.create("review-approver", Role.GOVERNANCE_OFFICER);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        TestAccounts.signIn(owner);
        DocumentView policy = documents.draftPolicy(
                DocumentKind.TOPIC_POLICY,
                new AimsDocumentService.Details("Review reminder policy", owner.getUsername(), null),
                new PolicyText("Review me.", "Everyone"));
        policy = documents.submit(policy.id(), 1, policy.versions().getFirst().version());
        long systemId = systems.register(diagnosisAssistant("Reviewed system " + System.nanoTime(), "owner"))
                .getId();
        ImpactAssessmentView assessment = assessments.start(
                systemId,
                owner.getUsername(),
                10,
                new Details(
                        "Suggests diagnoses",
                        "Accepted unread",
                        "Patients",
                        List.of(),
                        "A physician confirms",
                        "Low",
                        today.plusDays(10),
                        null));
        TestAccounts.signIn(approver);
        policy = documents.approve(policy.id(), 1, policy.versions().getFirst().version(), today, today.plusDays(10));
        policy = documents.publish(policy.id(), 1, policy.versions().getFirst().version());
        assessment = assessments.approve(assessment.id(), assessment.version(), today);
        String policyRef = policy.reference();
        String assessmentRef = assessment.reference();
        long policyId = policy.id();

        schedule.run();
        schedule.run(); // the next night has nothing new to say
        TestAccounts.signIn(owner);
        assertThat(reviewNotes(policyRef)).singleElement().satisfies(n -> {
            assertThat(n.getSubject())
                    .isEqualTo("Review due " + today.plusDays(10) + ": " + policyRef + " Review reminder policy");
            assertThat(n.getLink()).isEqualTo("aims/documents/" + policyId);
        });
        assertThat(reviewNotes(assessmentRef))
                .singleElement()
                .satisfies(n -> assertThat(n.getSubject()).startsWith("Review due " + today.plusDays(10)));

        // the review dates pass unreviewed: one more reminder each, then silence again
        jdbc.update(
                "update aims.document_version set review_by = ? where document_id = ?",
                today.minusDays(1),
                policy.id());
        jdbc.update(
                "update aims.impact_assessment_version set review_by = ? where assessment_id = ?",
                today.minusDays(1),
                assessment.id());
        schedule.run();
        schedule.run();
        TestAccounts.signIn(owner);
        assertThat(reviewNotes(policyRef))
                .extracting(Notification::getSubject)
                .hasSize(2)
                .anySatisfy(
                        s -> assertThat(s).startsWith("Review overdue since " + today.minusDays(1) + ": " + policyRef));
        assertThat(reviewNotes(assessmentRef))
                .extracting(Notification::getSubject)
                .hasSize(2)
                .anySatisfy(s -> assertThat(s).startsWith("Review overdue since " + today.minusDays(1)));
    }

    @Test
    void only_the_system_actor_with_the_reminder_permission_sends_them() {
        TestAccounts.signIn(accounts.create("review-officer", Role.GOVERNANCE_OFFICER));
        assertThatThrownBy(() -> reminder.remindReviewsDue()).isInstanceOf(AuthorizationDeniedException.class);
        Actors.runAsSystem(
                Set.of(Notifications.SYSTEM_SEND),
                () -> assertThatThrownBy(() -> reminder.remindReviewsDue())
                        .isInstanceOf(AuthorizationDeniedException.class));
    }

    List<Notification> reviewNotes(String reference) {
        return notifications.mine(50).stream()
                .filter(n ->
                        n.getTopic().equals("aims.review-due") && n.getSubject().contains(reference))
                .toList();
    }
}
