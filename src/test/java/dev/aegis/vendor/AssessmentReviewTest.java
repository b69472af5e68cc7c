package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.files.UploadInspector;
import dev.aegis.vendor.ReviewFixtures.Started;
import dev.aegis.vendor.ShortfallFindings.ProposedRisk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import tools.jackson.databind.node.JsonNodeFactory;

@AegisTest
class AssessmentReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    AssessmentReview review;

    @Autowired
    ShortfallFindings findings;

    @Autowired
    AssessmentReport report;

    @Autowired
    PortalService portal;

    @Autowired
    PortalEvidence evidence;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AiSystemService systems;

    @Autowired
    RiskService risks;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    /** The vendor answers q1 no (20), q3 opt-out (40) and uploads q4, then submits. */
    private String answerPoorlyAndSubmit(Started s) {
        String token = service.issueLink(s.assessment().getId()).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        portal.answer(token, "q3", JsonNodeFactory.instance.stringNode("opt-out"), null);
        evidence.upload(token, "q4", "pentest.pdf", new ByteArrayInputStream(PortalEvidenceApiTest.PDF));
        portal.submit(token);
        return token;
    }

    @Test
    void the_score_weighs_the_option_scores_of_the_shown_answers_and_each_answer_shows_its_own() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        answerPoorlyAndSubmit(s);
        var r = review.review(s.assessment().getId());
        // (20 × 2 + 40 × 3) / 5 = 32
        assertThat(r.score()).isEqualTo(32);
        assertThat(r.items())
                .extracting(i -> i.question().id() + "=" + i.score() + "/" + i.shown())
                .containsExactly("q1=20/true", "q2=null/false", "q3=40/true", "q4=null/true");
        assertThat(r.items().get(2).answer()).isEqualTo("Unless the customer opts out");
        assertThat(r.systems()).containsOnlyKeys(s.systemA(), s.systemB());
        Assessment approved = service.approve(
                s.assessment().getId(), service.get(s.assessment().getId()).getVersion(), "Accepted with findings");
        assertThat(approved.getScore()).isEqualTo(32);
        assertThat(vendors.get(s.vendor().getId()).getRiskScore()).isEqualTo(32);
    }

    @Test
    void comments_reach_the_vendor_only_once_the_assessment_is_returned_and_as_they_stood_then() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        String token = answerPoorlyAndSubmit(s);
        long id = s.assessment().getId();

        var written = review.writeComment(id, "q1", "Why are prompts not encrypted?", null);
        assertThat(evidence.clarification(token).comments()).isEmpty();
        assertThatThrownBy(() -> review.writeComment(id, "q1", "stale", null))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        review.writeComment(id, "q1", "Why are prompts not encrypted at rest?", written.version());

        service.returnToVendor(id, service.get(id).getVersion(), "Please clarify encryption.");
        var shown = evidence.clarification(token);
        assertThat(shown.note()).isEqualTo("Please clarify encryption.");
        assertThat(shown.comments())
                .containsExactly(java.util.Map.entry("q1", "Why are prompts not encrypted at rest?"));

        // a later edit stays with the organisation until the next return
        review.writeComment(
                id,
                "q1",
                "Internal: check with the CISO",
                review.comment(id, "q1").version());
        assertThat(evidence.clarification(token).comments().get("q1"))
                .isEqualTo("Why are prompts not encrypted at rest?");
        // the vendor answers again (the link works again) and submits: the clarification is gone from the portal
        portal.answer(
                token,
                "q1",
                JsonNodeFactory.instance.stringNode("yes"),
                portal.open(token).answers().get("q1").version());
        portal.answer(token, "q2", JsonNodeFactory.instance.stringNode("HSM-backed KMS"), null);
        assertThat(evidence.clarification(token).comments()).containsKey("q1");
        portal.submit(token);
        assertThat(evidence.clarification(token).comments()).isEmpty();
    }

    @Test
    void comments_over_the_api_use_the_etag_and_only_managers_write_them() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        answerPoorlyAndSubmit(s);
        Http http = new Http(port);
        String manager = accounts.tokenFor(s.manager());
        String path = "/api/v1/assessments/" + s.assessment().getId() + "/answers/q3/comment";
        assertThat(http.get(path, manager).statusCode()).isEqualTo(204);
        HttpResponse<String> put = http.put(path, manager, "{\"text\": \"Opt-out is not enough.\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        String etag = put.headers().firstValue("ETag").orElseThrow();
        assertThat(Http.json(http.get(path, manager)).path("text").asString()).isEqualTo("Opt-out is not enough.");
        assertThat(http.put(path, manager, "{\"text\": \"again without If-Match\"}")
                        .statusCode())
                .isEqualTo(409);
        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(http.get(path, auditor).statusCode()).isEqualTo(200);
        assertThat(http.put(path, auditor, "{\"text\": \"no\"}").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/v1/assessments/" + s.assessment().getId() + "/answers/q9/comment", manager)
                        .statusCode())
                .isEqualTo(404);
        assertThat(etag).isNotBlank();
    }

    @Test
    void shortfalls_propose_risks_on_every_dependent_system_and_confirming_raises_each_exactly_once() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        long id = s.assessment().getId();
        String token = service.issueLink(id).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        portal.answer(token, "q3", JsonNodeFactory.instance.stringNode("always"), null);
        assertThatThrownBy(() -> findings.confirm(id, List.of(new ShortfallFindings.Key("q1", s.systemA()))))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("wait for the vendor to submit");
        portal.submit(token);

        assertThat(findings.findings(id))
                .extracting(ShortfallFindings.Finding::questionId, ShortfallFindings.Finding::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q1", 20), org.assertj.core.groups.Tuple.tuple("q3", 0));
        List<ProposedRisk> proposed = findings.proposals(id);
        assertThat(proposed).hasSize(4).noneMatch(ProposedRisk::confirmed);

        List<ShortfallFindings.Key> chosen =
                List.of(new ShortfallFindings.Key("q3", s.systemA()), new ShortfallFindings.Key("q3", s.systemB()));
        List<ProposedRisk> raised = findings.confirm(id, chosen);
        assertThat(raised).hasSize(2).allMatch(ProposedRisk::confirmed);
        assertThat(findings.confirm(id, chosen)).isEmpty(); // twice: nothing new

        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        for (ProposedRisk p : raised) {
            Risk risk = risks.get(p.riskId());
            assertThat(risk.getCategory()).isEqualTo(Category.THIRD_PARTY);
            assertThat(risk.getSystems()).containsExactly(p.systemId());
            assertThat(risk.getTitle()).contains(s.vendor().getName()).contains("Is customer data used for training?");
            assertThat(risk.getRequirements()).hasSize(1);
            assertThat(risk.getOwner()).isEqualTo(s.manager().username());
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from vendor.finding_risk where assessment_id = ?", Long.class, id))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Assessment' and "
                                + "object_id = ? and action = 'FINDING_CONFIRMED_AS_RISK'",
                        Long.class,
                        String.valueOf(id)))
                .isEqualTo(2);
        TestAccounts.signIn(s.manager());
        assertThat(findings.proposals(id)).filteredOn(ProposedRisk::confirmed).hasSize(2);
    }

    @Test
    void auditors_read_the_review_but_neither_comment_nor_confirm() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        answerPoorlyAndSubmit(s);
        long id = s.assessment().getId();
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        assertThat(review.review(id).items()).hasSize(4);
        assertThatThrownBy(() -> review.writeComment(id, "q1", "x", null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> findings.confirm(id, List.of())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_report_holds_the_answers_comments_evidence_hashes_score_findings_and_decision() throws Exception {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        answerPoorlyAndSubmit(s);
        long id = s.assessment().getId();
        review.writeComment(id, "q3", "Training on customer data must stop.", null);
        service.reject(id, service.get(id).getVersion(), "Training use is unacceptable.");

        Http http = new Http(port);
        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        HttpResponse<byte[]> pdf = http.download("/api/v1/assessments/" + id + "/report.pdf", auditor);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (var doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat)
                .contains(s.vendor().getName())
                .contains("Review review-")
                .contains("Do you encrypt prompts at rest?")
                .contains("Unless the customer opts out")
                .contains("Training on customer data must stop.")
                .contains(UploadInspector.sha256Of(PortalEvidenceApiTest.PDF))
                .contains("pentest.pdf")
                .contains("Score: 32 of 100")
                .contains("Rejected by " + s.manager().username())
                .contains("Training use is unacceptable.")
                .contains("Is customer data used for training? — answered")
                .contains("Chat triage")
                .contains("started by " + s.manager().username());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Assessment' and "
                                + "object_id = ? and action = 'EXPORT'",
                        Long.class,
                        String.valueOf(id)))
                .isEqualTo(1);

        TestAccounts.signIn(s.manager());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        report.pdf(id, again);
        assertThat(again.size()).isPositive();
    }
}
