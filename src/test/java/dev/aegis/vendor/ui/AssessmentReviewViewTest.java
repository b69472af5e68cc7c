package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.Assessment;
import dev.aegis.vendor.AssessmentReview;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.PortalService;
import dev.aegis.vendor.ReviewFixtures;
import dev.aegis.vendor.ReviewFixtures.Started;
import dev.aegis.vendor.ShortfallFindings;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.VendorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.node.JsonNodeFactory;

@AegisTest
class AssessmentReviewViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    AssessmentReview review;

    @Autowired
    ShortfallFindings findings;

    @Autowired
    PortalService portal;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AiSystemService systems;

    @AfterEach
    void close() {
        Karibu.close();
    }

    private Started submitted() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        String token = service.issueLink(s.assessment().getId()).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        portal.answer(token, "q3", JsonNodeFactory.instance.stringNode("always"), null);
        portal.submit(token);
        return s;
    }

    private AssessmentReviewView open(long id) {
        UI.getCurrent().navigate("assessments/" + id);
        return _get(AssessmentReviewView.class);
    }

    @Test
    void a_manager_sends_the_invitation_from_the_review_and_gets_the_link_to_copy_once() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        long id = s.assessment().getId();
        Karibu.signInAndOpen(context, s.manager());
        AssessmentReviewView view = open(id);
        assertThat(view.invitation.isVisible()).isTrue();
        assertThat(view.link.isVisible()).isFalse();

        view.invite.click();

        assertThat(view.link.isVisible()).isTrue();
        assertThat(view.link.getValue()).contains("/assets/vendor-portal.html#aegp_");
        String token = view.link.getValue().substring(view.link.getValue().indexOf('#') + 1);
        assertThat(portal.open(token)).isNotNull();
        assertThat(service.get(id).getState()).isEqualTo(dev.aegis.vendor.Assessment.State.INVITED);

        view.revoke.click();
        assertThat(view.link.isVisible()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> portal.open(token))
                .isInstanceOf(PortalService.LinkGoneException.class);
    }

    @Test
    void a_manager_comments_raises_the_proposed_risks_once_and_approves_with_clear_messages() {
        Started s = submitted();
        long id = s.assessment().getId();
        Karibu.signInAndOpen(context, s.manager());
        AssessmentReviewView view = open(id);
        // (20 × 2 + 0 × 3) / 5 = 8
        assertThat(view.score.getText()).isEqualTo("Score: 8 of 100");
        assertThat(view.actions.isVisible()).isTrue();
        assertThat(view.ticks).hasSize(4);

        Karibu.setValue(view.comments.get("q1"), "Plan for encryption at rest?");
        view.saveComment(review.review(id).items().get(0), "Plan for encryption at rest?");
        assertThat(review.comment(id, "q1").text()).isEqualTo("Plan for encryption at rest?");

        view.reject.click();
        assertThat(view.note.isInvalid()).isTrue();
        assertThat(view.note.getErrorMessage()).isEqualTo("Say why the assessment is rejected.");

        view.ticks.get(new ShortfallFindings.Key("q3", s.systemA())).setValue(true);
        view.confirm.click();
        assertThat(findings.proposals(id))
                .filteredOn(ShortfallFindings.ProposedRisk::confirmed)
                .hasSize(1);
        assertThat(view.ticks).hasSize(3);

        Karibu.setValue(view.note, "Accepted with a treatment plan.");
        view.approve.click();
        assertThat(service.get(id).getState()).isEqualTo(Assessment.State.APPROVED);
        assertThat(view.summary.getText()).contains("approved");
        assertThat(view.actions.isVisible()).isFalse();
    }

    @Test
    void a_change_by_someone_else_in_between_is_refused_with_a_message_and_the_page_reloads() {
        Started s = submitted();
        long id = s.assessment().getId();
        Karibu.signInAndOpen(context, s.manager());
        AssessmentReviewView view = open(id);
        service.returnToVendor(id, service.get(id).getVersion(), "Returned elsewhere");
        view.approve.click();
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anyMatch(t -> t.contains("Someone else changed this assessment meanwhile"));
        assertThat(service.get(id).getState()).isEqualTo(Assessment.State.RETURNED);
        assertThat(view.summary.getText()).contains("returned");
        assertThat(view.actions.isVisible()).isFalse();
    }

    @Test
    void auditors_read_the_review_without_any_action() {
        Started s = submitted();
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        AssessmentReviewView view = open(s.assessment().getId());
        assertThat(view.heading.getText()).contains(s.vendor().getName());
        assertThat(view.actions.isVisible()).isFalse();
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(view.comments.get("q1").isReadOnly()).isTrue();
    }

    @Test
    void an_unknown_assessment_says_so() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        AssessmentReviewView view = open(999_999_999L);
        assertThat(view.heading.getText()).isEqualTo("No such assessment");
    }
}
