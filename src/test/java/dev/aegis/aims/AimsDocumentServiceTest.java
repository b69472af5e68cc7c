package dev.aegis.aims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsContent.Exclusion;
import dev.aegis.aims.AimsContent.Party;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService.Details;
import dev.aegis.aims.AimsDocumentService.DocumentView;
import dev.aegis.aims.AimsDocumentService.VersionView;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AimsVocabulary.VersionStatus;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class AimsDocumentServiceTest {

    static final String ISO = "ISO-IEC-42001-2023";

    @Autowired
    AimsDocumentService aims;

    @Autowired
    CoverageService coverage;

    @Autowired
    TestAccounts accounts;

    AegisUser author;
    AegisUser approver;

    @BeforeEach
    void people() {
        author = accounts.create("author", Role.GOVERNANCE_OFFICER);
        approver = accounts.create("approver", Role.GOVERNANCE_OFFICER);
    }

    /** Every test leaves no document in force, so the next one starts from a gap. */
    @AfterEach
    void withdrawEverything() {
        TestAccounts.signIn(approver);
        for (var s : aims.list(List.of())) {
            if (s.inForceNumber() != null || s.latestStatus().isOpen()) {
                aims.withdraw(s.id(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    DocumentView draftAiPolicy(String text) {
        TestAccounts.signIn(author);
        return aims.draftPolicy(
                DocumentKind.AI_POLICY,
                new Details("AI policy", author.getUsername(), null),
                new PolicyText(text, "Everyone who builds, buys or uses AI"));
    }

    /** Submitted by the author, approved and published by the approver. */
    DocumentView approveAndPublish(DocumentView d, int number) {
        TestAccounts.signIn(author);
        VersionView v = version(d, number);
        d = aims.submit(d.id(), number, v.version());
        TestAccounts.signIn(approver);
        d = aims.approve(d.id(), number, version(d, number).version(), null, null);
        return aims.publish(d.id(), number, version(d, number).version());
    }

    static VersionView version(DocumentView d, int number) {
        return d.versions().stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void four_eyes_approval_is_refused_to_the_person_who_edited_the_version_last() {
        DocumentView drafted = draftAiPolicy("We use AI lawfully, fairly and transparently.");
        assertThat(drafted.reference()).matches("POL-\\d{3}");
        DocumentView d = aims.submit(drafted.id(), 1, version(drafted, 1).version());
        long lock = version(d, 1).version();

        assertThatThrownBy(() -> aims.approve(d.id(), 1, lock, null, null))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("someone else must approve it (four-eyes rule)")
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("approver");

        TestAccounts.signIn(approver);
        DocumentView approved = aims.approve(d.id(), 1, lock, null, null);
        VersionView v = version(approved, 1);
        assertThat(v.status()).isEqualTo(VersionStatus.APPROVED);
        assertThat(v.approvedBy()).isEqualTo(approver.getUsername());
        assertThat(v.reviewBy()).isEqualTo(v.effectiveFrom().plusYears(1));
    }

    @Test
    void a_step_out_of_order_or_on_a_stale_copy_is_refused_with_the_current_state() {
        DocumentView d = draftAiPolicy("Version one.");
        long lock = version(d, 1).version();
        TestAccounts.signIn(approver);
        assertThatThrownBy(() -> aims.publish(d.id(), 1, lock))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("Version 1 is draft, so it cannot be published");
        TestAccounts.signIn(author);
        aims.editPolicy(d.id(), 1, lock, new PolicyText("Version one, revised.", null), "Wording");
        assertThatThrownBy(() -> aims.editPolicy(d.id(), 1, lock, new PolicyText("Lost update", null), null))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void old_versions_stay_readable_and_a_published_version_supersedes_the_one_in_force() {
        DocumentView d = approveAndPublish(draftAiPolicy("First wording."), 1);
        TestAccounts.signIn(author);
        d = aims.newVersion(d.id(), "Add generative AI");
        d = aims.editPolicy(
                d.id(), 2, version(d, 2).version(), new PolicyText("Second wording with generative AI.", null), null);
        d = approveAndPublish(d, 2);

        assertThat(d.inForce().number()).isEqualTo(2);
        assertThat(version(d, 1).status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(version(d, 1).endReason()).isEqualTo("Superseded by version 2");
        assertThat(aims.version(d.id(), 1).policy().text()).isEqualTo("First wording.");
        assertThat(aims.version(d.id(), 2).policy().text()).isEqualTo("Second wording with generative AI.");
    }

    @Test
    void acknowledgement_follows_a_new_policy_version() {
        AegisUser reader = accounts.create("reader", Role.SYSTEM_OWNER);
        DocumentView d = approveAndPublish(draftAiPolicy("Read me."), 1);

        TestAccounts.signIn(reader);
        assertThat(aims.awaitingMyAcknowledgement()).extracting(s -> s.id()).contains(d.id());
        var status = aims.acknowledge(d.id());
        assertThat(status.mine()).isTrue();
        assertThat(aims.awaitingMyAcknowledgement()).extracting(s -> s.id()).doesNotContain(d.id());

        TestAccounts.signIn(author);
        var forOfficer = aims.acknowledgements(d.id());
        assertThat(forOfficer.acknowledged()).extracting(a -> a.username()).containsExactly(reader.getUsername());
        assertThat(forOfficer.pending()).extracting(Person::username).contains(author.getUsername());
        assertThat(forOfficer.pending()).extracting(Person::username).doesNotContain(reader.getUsername());

        d = aims.newVersion(d.id(), "Tightened");
        d = approveAndPublish(d, 2);

        TestAccounts.signIn(author);
        var second = aims.acknowledgements(d.id());
        assertThat(second.versionNumber()).isEqualTo(2);
        assertThat(second.acknowledged()).isEmpty();
        assertThat(second.pending()).extracting(Person::username).contains(reader.getUsername());
        TestAccounts.signIn(reader);
        assertThat(aims.awaitingMyAcknowledgement()).extracting(s -> s.id()).contains(d.id());
        assertThat(aims.acknowledgements(d.id()).pending())
                .as("only readers of the register see who")
                .isEmpty();
    }

    @Test
    void clause_5_2_moves_from_gap_to_covered_when_the_ai_policy_is_approved_and_published() {
        DocumentView drafted = draftAiPolicy("Our AI policy.");
        Instant beforePublishing = Instant.now();
        assertThat(clause("5.2", beforePublishing).level()).isEqualTo(CoverageLevel.NOT_COVERED);

        DocumentView d = approveAndPublish(drafted, 1);
        RequirementCoverage covered = clause("5.2", Instant.now());
        assertThat(covered.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(covered.recordsSentence()).contains("AI policy " + d.reference() + " version 1, in force since");
        assertThat(clause("A.2.2", Instant.now()).level()).isEqualTo(CoverageLevel.COVERED);
        // as of a moment before publication (an evidence pack's date), it was a gap
        assertThat(clause("5.2", beforePublishing).level()).isEqualTo(CoverageLevel.NOT_COVERED);
        // the Coverage screen and API say the same
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(coverage.framework(ISO, null).requirements().stream()
                        .filter(r -> r.requirement().refId().equals("5.2"))
                        .findFirst()
                        .orElseThrow()
                        .records())
                .anyMatch(r -> r.contains(d.reference()));

        TestAccounts.signIn(approver);
        aims.withdraw(d.id(), "Replaced by the group policy");
        assertThat(clause("5.2", Instant.now()).records()).noneMatch(r -> r.contains(d.reference()));
    }

    @Test
    void an_approved_scope_covers_clause_4_3_and_names_its_systems_exclusions_and_parties() {
        TestAccounts.signIn(author);
        assertThatThrownBy(() -> aims.draftScope(
                        new Details("AIMS scope", author.getUsername(), 10),
                        new ContextAndScope(
                                List.of(),
                                List.of(),
                                List.of(),
                                "All AI",
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(new Exclusion("Research lab", " ")))))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("Say why \"Research lab\" is excluded")
                .extracting(e -> ((DomainRuleException) e).field())
                .isEqualTo("exclusions");
        DocumentView d = aims.draftScope(
                new Details("AIMS scope", author.getUsername(), 10),
                new ContextAndScope(
                        List.of("Limited ML engineering staff"),
                        List.of("EU AI Act obligations from 2026"),
                        List.of(new Party("Patients", "Safe and explained diagnoses")),
                        "Every AI system the clinic group builds or buys for patient care.",
                        List.of(),
                        List.of("Clinical operations"),
                        List.of("Vienna"),
                        List.of(new Exclusion("Research lab", "Runs under its own ethics board"))));
        assertThat(d.reference()).matches("SCO-\\d{3}");
        d = approveAndPublish(d, 1);
        Instant now = Instant.now();
        assertThat(clause("4.3", now).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(clause("4.1", now).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(clause("4.2", now).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(aims.get(d.id()).inForce().scope().exclusions())
                .containsExactly(new Exclusion("Research lab", "Runs under its own ethics board"));
    }

    @Test
    void auditors_read_the_register_but_draft_nothing() {
        DocumentView d = draftAiPolicy("Draft for the auditor.");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(aims.get(d.id()).versions()).hasSize(1);
        assertThatThrownBy(() -> aims.draftPolicy(
                        DocumentKind.TOPIC_POLICY, new Details("x", "admin", null), new PolicyText("x", null)))
                .isInstanceOf(AuthorizationDeniedException.class);
        TestAccounts.signIn(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThat(aims.list(List.of())).extracting(s -> s.id()).doesNotContain(d.id());
    }

    /** Organisation coverage from the records alone (no control counted), as of a moment. */
    RequirementCoverage clause(String refId, Instant at) {
        TestAccounts.signIn(accounts.create("reader", Role.AUDITOR));
        return coverage.scope(ISO, List.of(), Map.of(), List.of(), at).requirements().stream()
                .filter(r -> r.requirement().refId().equals(refId))
                .findFirst()
                .orElseThrow();
    }
}
