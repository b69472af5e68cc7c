package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.AssessmentBoard.Column;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

@AegisTest
class AssessmentBoardTest {

    @LocalServerPort
    int port;

    @Autowired
    AssessmentBoard board;

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

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    record Board(Vendor vendor, Assessment draft, Assessment invited, Assessment approved) {}

    /** A vendor with a draft (overdue), an invited and an approved assessment. */
    private Board board(AegisUser manager) {
        TestAccounts.signIn(manager);
        String tag = Long.toString(System.nanoTime());
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Board " + tag, Set.of()));
        QuestionnaireTemplate template = templates
                .importJson(AssessmentFixtures.template("board-" + tag, "Q?"))
                .template();
        Assessment draft =
                service.start(vendor.getId(), template.getId(), LocalDate.now().plusDays(5));
        jdbc.update("update vendor.assessment set overdue_since = ? where id = ?", LocalDate.now(), draft.getId());
        Assessment invited =
                service.start(vendor.getId(), template.getId(), LocalDate.now().plusDays(9));
        service.issueLink(invited.getId());
        Assessment approved =
                service.start(vendor.getId(), template.getId(), LocalDate.now().plusDays(7));
        String token = service.issueLink(approved.getId()).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("yes"), null);
        portal.answer(token, "q2", JsonNodeFactory.instance.stringNode("Customer keys"), null);
        portal.submit(token);
        service.approve(approved.getId(), service.get(approved.getId()).getVersion(), null);
        return new Board(vendor, draft, invited, approved);
    }

    @Test
    void the_board_counts_a_vendors_assessments_by_column_and_filters_the_overdue() {
        Board b = board(accounts.create("vm", Role.VENDOR_MANAGER));
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        var mine = new AssessmentBoard.Filter(null, b.vendor().getId(), null, null);

        assertThat(board.counts(mine))
                .isEqualTo(Map.of(
                        Column.DRAFT,
                        1L,
                        Column.WITH_VENDOR,
                        1L,
                        Column.SUBMITTED,
                        0L,
                        Column.RETURNED,
                        0L,
                        Column.DECIDED,
                        1L));
        assertThat(board.cards(mine, PageRequest.of(0, 10)))
                .extracting(AssessmentCard::id)
                .containsExactly(
                        b.draft().getId(), b.approved().getId(), b.invited().getId());
        var overdue = new AssessmentBoard.Filter(null, b.vendor().getId(), null, true);
        assertThat(board.counts(overdue).get(Column.DRAFT)).isEqualTo(1);
        assertThat(board.cards(overdue, PageRequest.of(0, 10))).singleElement().satisfies(c -> {
            assertThat(c.overdue()).isTrue();
            assertThat(c.vendorName()).isEqualTo(b.vendor().getName());
            assertThat(c.templateVersion()).isEqualTo(1);
        });
        AssessmentCard decided = board.cards(mine.withStates(Column.DECIDED.states()), PageRequest.of(0, 10))
                .getContent()
                .getFirst();
        assertThat(decided.score()).isEqualTo(100);
        assertThat(decided.state()).isEqualTo(State.APPROVED);
        assertThat(board.cards(
                        new AssessmentBoard.Filter(
                                List.of(State.DRAFT), b.vendor().getId(), VendorVocabulary.Level.LOW, null),
                        PageRequest.of(0, 10)))
                .isEmpty();
    }

    @Test
    void the_api_lists_assessments_by_state_and_overdue_and_sets_a_reassessment_interval() throws Exception {
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        Board b = board(manager);
        String token = accounts.tokenFor(manager);

        var page = Http.json(
                send("GET", "/api/v1/assessments?vendor=" + b.vendor().getId() + "&overdue=true", token, null, null));
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
        assertThat(page.path("content").get(0).path("id").asLong())
                .isEqualTo(b.draft().getId());
        assertThat(page.path("content").get(0).path("overdue").asBoolean()).isTrue();
        var invited = Http.json(send(
                "GET",
                "/api/v1/assessments?vendor=" + b.vendor().getId() + "&state=INVITED&state=IN_PROGRESS",
                token,
                null,
                null));
        assertThat(invited.path("content").get(0).path("id").asLong())
                .isEqualTo(b.invited().getId());
        assertThat(invited.path("totalElements").asLong()).isEqualTo(1);

        String path = "/api/v1/vendors/" + b.vendor().getId() + "/reassessment";
        HttpResponse<String> chosen = send("PUT", path, token, null, "{\"interval\": \"SIX_MONTHS\"}");
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(Http.json(chosen).path("effective").asString()).isEqualTo("SIX_MONTHS");
        TestAccounts.signIn(manager);
        LocalDate approvedOn = service.get(b.approved().getId())
                .getDecidedAt()
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate();
        assertThat(Http.json(chosen).path("nextDueOn").asString())
                .isEqualTo(approvedOn.plusMonths(6).toString());
        assertThat(send("PUT", path, token, "\"0\"", "{\"interval\": \"YEARLY\"}")
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> back =
                send("PUT", path, token, chosen.headers().firstValue("ETag").orElseThrow(), "{\"interval\": null}");
        assertThat(Http.json(back).path("effective").asString()).isEqualTo("YEARLY"); // a high-criticality vendor

        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(send("PUT", path, auditor, null, "{\"interval\": \"NONE\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/assessments?overdue=true", auditor, null, null)
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
