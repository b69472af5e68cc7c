package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ClientRateLimiter;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.AssessmentFixtures.Started;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import tools.jackson.databind.node.JsonNodeFactory;

@AegisTest
class AssessmentServiceTest {

    @Autowired
    AssessmentService service;

    @Autowired
    PortalService portal;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void steps_out_of_order_are_refused_naming_the_current_state() {
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        Assessment a = s.assessment();
        assertThat(a.getState()).isEqualTo(State.DRAFT);
        assertThatThrownBy(() -> service.approve(a.getId(), a.getVersion(), null))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("the assessment is draft");

        String token = service.issueLink(a.getId()).token();
        assertThat(service.get(a.getId()).getState()).isEqualTo(State.INVITED);
        assertThatThrownBy(() ->
                        service.returnToVendor(a.getId(), service.get(a.getId()).getVersion(), "why"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("the assessment is invited");

        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        assertThat(service.get(a.getId()).getState()).isEqualTo(State.IN_PROGRESS);
        portal.submit(token);
        assertThatThrownBy(() -> portal.answer(token, "q3", JsonNodeFactory.instance.numberNode(2), null))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("the assessment is submitted");

        Assessment returned =
                service.returnToVendor(a.getId(), service.get(a.getId()).getVersion(), "Say more");
        assertThat(returned.getState()).isEqualTo(State.RETURNED);
        portal.answer(token, "q3", JsonNodeFactory.instance.numberNode(2), null);
        portal.submit(token);
        Assessment rejected = service.reject(a.getId(), service.get(a.getId()).getVersion(), "Not enough");
        assertThat(rejected.getState()).isEqualTo(State.REJECTED);
        assertThat(rejected.getDecisionNote()).isEqualTo("Not enough");
        assertThatThrownBy(() -> service.issueLink(a.getId()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("the assessment is rejected");
    }

    @Test
    void approving_scores_the_vendor_from_the_shown_answers_and_its_tier_follows() {
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        String token = service.issueLink(s.assessment().getId()).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("yes"), null);
        portal.answer(token, "q2", JsonNodeFactory.instance.stringNode("Customer-managed keys"), null);
        portal.submit(token);
        Assessment approved = service.approve(
                s.assessment().getId(), service.get(s.assessment().getId()).getVersion(), "Good");
        assertThat(approved.getState()).isEqualTo(State.APPROVED);
        assertThat(approved.getScore()).isEqualTo(100);
        Vendor vendor = vendors.get(s.vendor().getId());
        assertThat(vendor.getRiskScore()).isEqualTo(100);
        assertThat(vendor.getTier()).isEqualTo(Level.MEDIUM); // high criticality, a level lower at 80 or more
    }

    @Test
    void a_due_date_in_the_past_and_an_unknown_template_are_refused_by_field() {
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        assertThatThrownBy(() -> service.start(
                        s.vendor().getId(),
                        s.template().getId(),
                        LocalDate.now().minusDays(2)))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("dueOn");
        assertThatThrownBy(() ->
                        service.start(s.vendor().getId(), -1, LocalDate.now().plusDays(2)))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("templateId");
    }

    @Test
    void officers_and_auditors_read_assessments_but_only_vendor_managers_and_admins_start_them() {
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(service.forVendor(s.vendor().getId()))
                .extracting(Assessment::getId)
                .containsExactly(s.assessment().getId());
        assertThatThrownBy(() -> service.start(
                        s.vendor().getId(),
                        s.template().getId(),
                        LocalDate.now().plusDays(9)))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> service.issueLink(s.assessment().getId()))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        assertThat(service.get(s.assessment().getId()).getVendorId())
                .isEqualTo(s.vendor().getId());
        TestAccounts.signIn(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> service.get(s.assessment().getId())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_rate_limiter_lets_a_burst_through_then_asks_to_wait_until_the_bucket_refills() {
        AtomicLong millis = new AtomicLong(1_000_000);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        ClientRateLimiter limiter = new ClientRateLimiter(3, 0.5, 2, clock);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(2);
        assertThat(limiter.tryAcquire("b")).isZero();
        millis.addAndGet(2_000);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).isEqualTo(2);
    }
}
