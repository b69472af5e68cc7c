package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.SecretTokens;
import dev.aegis.vendor.AssessmentFixtures.Started;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class PortalApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AssessmentLinks links;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_vendor_manager_starts_an_assessment_issues_its_link_and_decides_over_the_api() {
        Http http = new Http(port);
        String manager = accounts.tokenFor(accounts.create("vm", Role.VENDOR_MANAGER));
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Over API " + System.nanoTime(), Set.of()));
        long template = templates
                .importJson(AssessmentFixtures.template("api-" + System.nanoTime(), "Encrypted?"))
                .template()
                .getId();
        HttpResponse<String> started = http.post(
                "/api/v1/vendors/" + vendor.getId() + "/assessments",
                manager,
                "{\"templateId\": " + template + ", \"dueOn\": \""
                        + LocalDate.now().plusDays(20) + "\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(Http.json(started).path("state").asString()).isEqualTo("DRAFT");
        String path = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();

        HttpResponse<String> invited = http.post(path + "/invite", manager, null);
        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(Http.json(invited).path("mailedTo").size()).isZero(); // no mail server in tests
        HttpResponse<String> link = http.post(path + "/link", manager, null);
        assertThat(link.statusCode()).isEqualTo(201);
        String portalPath = Http.json(link).path("path").asString();
        String invitedPath = Http.json(invited).path("link").path("path").asString();
        assertThat(http.get(invitedPath, null).statusCode()).isEqualTo(410);
        assertThat(portalPath).startsWith("/portal/v1/aegp_");
        assertThat(Http.json(link).path("page").asString())
                .isEqualTo("/assets/vendor-portal.html#" + portalPath.substring("/portal/v1/".length()));
        HttpResponse<String> page = http.getAsBrowser("/assets/vendor-portal.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("vendor-portal.js");
        assertThat(http.getAsBrowser("/assets/vendor-portal.js", null).body()).contains("/portal/v1/");
        assertThat(http.put(portalPath + "/answers/q1", null, "{\"value\": \"no\", \"version\": null}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.post(portalPath + "/submit", null, null).statusCode()).isEqualTo(200);

        HttpResponse<String> read = http.get(path, manager);
        assertThat(Http.json(read).path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(Http.json(http.get(path + "/answers", manager))
                        .path("q1")
                        .path("value")
                        .asString())
                .isEqualTo("no");
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> approved = send(http, path + "/approve", manager, etag);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(Http.json(approved).path("score").asInt()).isEqualTo(20);
        assertThat(send(http, path + "/reject", manager, etag).statusCode()).isEqualTo(409);
        assertThat(Http.json(http.get("/api/v1/vendors/" + vendor.getId() + "/assessments", manager))
                        .get(0)
                        .path("state")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(http.get(portalPath, null).statusCode()).isEqualTo(410);
    }

    @Test
    void the_vendor_sees_a_questions_help_text_but_no_scores_or_weights() throws Exception {
        var started = AssessmentFixtures.start(accounts, vendors, templates, service);
        String token = service.issueLink(started.assessment().getId()).token();
        var view = Http.json(new Http(port).get("/portal/v1/" + token, null));
        var q3 = view.path("sections").get(0).path("questions").get(2);
        assertThat(q3.path("help").asString())
                .isEqualTo("Count the incidents that made the service unavailable to customers.");
        assertThat(view.toString()).doesNotContain("\"weight\"").doesNotContain("\"score\"");
    }

    @Test
    void a_link_reaches_exactly_its_own_assessment_and_nothing_of_the_api() {
        Http http = new Http(port);
        Started mine = AssessmentFixtures.start(accounts, vendors, templates, service);
        Started other = AssessmentFixtures.start(accounts, vendors, templates, service);
        String myPath = service.issueLink(mine.assessment().getId()).path();
        String otherPath = service.issueLink(other.assessment().getId()).path();
        String myToken = myPath.substring("/portal/v1/".length());
        http.put(otherPath + "/answers/q1", null, "{\"value\": \"yes\", \"version\": null}");

        JsonNode view = Http.json(http.get(myPath, null));
        assertThat(view.path("vendor").asString()).isEqualTo(mine.vendor().getName());
        assertThat(view.path("answers").size()).isZero();
        assertThat(view.toString()).doesNotContain("\"score\"").doesNotContain("A.10.3");
        assertThat(http.get("/api/v1/assessments/" + other.assessment().getId(), myToken)
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get("/api/v1/vendors", myToken).statusCode()).isEqualTo(401);
        assertThat(http.get("/portal/v1/" + myToken + "/../../api/v1/vendors", null)
                        .statusCode())
                .isNotEqualTo(200);
        assertThat(http.put(myPath + "/answers/q9", null, "{\"value\": \"yes\", \"version\": null}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.put(myPath + "/answers/q1", null, "{\"value\": \"maybe\", \"version\": null}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(Http.json(http.get(otherPath, null))
                        .path("answers")
                        .path("q1")
                        .path("value")
                        .asString())
                .isEqualTo("yes");
    }

    @Test
    void autosaved_answers_survive_a_reload_and_a_concurrent_edit_is_refused() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        HttpResponse<String> first = http.put(path + "/answers/q3", null, "{\"value\": 2, \"version\": null}");
        assertThat(first.statusCode()).isEqualTo(200);
        long version = Http.json(first).path("version").asLong();

        JsonNode reloaded = Http.json(http.get(path, null));
        assertThat(reloaded.path("answers").path("q3").path("value").asInt()).isEqualTo(2);
        assertThat(reloaded.path("state").asString()).isEqualTo("IN_PROGRESS");
        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        JsonNode audit = Http.json(http.get(
                "/api/v1/audit?actor=vendor-portal&objectType=Assessment&objectId="
                        + s.assessment().getId(),
                auditor));
        assertThat(audit.path("totalElements").asLong()).isEqualTo(1);

        // a second tab that never saw the first answer, then one that read it before the change below
        assertThat(http.put(path + "/answers/q3", null, "{\"value\": 5, \"version\": null}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(http.put(path + "/answers/q3", null, "{\"value\": 3, \"version\": " + version + "}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale =
                http.put(path + "/answers/q3", null, "{\"value\": 4, \"version\": " + version + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Http.json(http.get(path, null))
                        .path("answers")
                        .path("q3")
                        .path("value")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void submitting_requires_the_required_questions_that_are_shown() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        HttpResponse<String> empty = http.post(path + "/submit", null, null);
        assertThat(empty.statusCode()).isEqualTo(422);
        // people read the question's text, never its id; programs get the field pointers
        assertThat(Http.json(empty).path("detail").asString())
                .isEqualTo("Answer the required question “Do you encrypt prompts?” before submitting.");
        assertThat(Http.json(empty).path("errors").toString())
                .contains("answers.q1")
                .doesNotContain("q2");

        http.put(path + "/answers/q1", null, "{\"value\": \"yes\", \"version\": null}");
        JsonNode view = Http.json(http.get(path, null));
        assertThat(view.path("missing").toString()).isEqualTo("[\"q2\"]");
        HttpResponse<String> shown = http.post(path + "/submit", null, null);
        assertThat(shown.statusCode()).isEqualTo(422);
        assertThat(Http.json(shown).path("detail").asString())
                .contains("“Which keys?”")
                .doesNotContain("q2");

        http.put(path + "/answers/q1", null, "{\"value\": \"no\", \"version\": 0}");
        HttpResponse<String> hidden = http.post(path + "/submit", null, null);
        assertThat(hidden.statusCode()).isEqualTo(200);
        assertThat(Http.json(hidden).path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(Http.json(hidden).path("open").asBoolean()).isFalse();
    }

    @Test
    void a_save_answers_with_the_questions_now_shown_and_the_required_ones_still_open() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        JsonNode saved = Http.json(http.put(path + "/answers/q1", null, "{\"value\": \"yes\", \"version\": null}"));
        assertThat(saved.path("version").asLong()).isZero();
        assertThat(saved.path("shown").toString()).isEqualTo("[\"q1\",\"q2\",\"q3\"]");
        assertThat(saved.path("missing").toString()).isEqualTo("[\"q2\"]");
    }

    @Test
    void a_real_conflict_answers_409_with_the_stored_answer_so_the_vendor_can_choose() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.startDefences(accounts, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        http.put(path + "/answers/ms-injection", null, "{\"value\": [\"filtering\"], \"version\": null}");
        // someone else's save in between: version 0 became 1
        http.put(path + "/answers/ms-injection", null, "{\"value\": [\"filtering\", \"validation\"], \"version\": 0}");

        HttpResponse<String> mine = http.put(
                path + "/answers/ms-injection", null, "{\"value\": [\"filtering\", \"red-teaming\"], \"version\": 0}");
        assertThat(mine.statusCode()).isEqualTo(409);
        JsonNode problem = Http.json(mine);
        assertThat(problem.path("detail").asString())
                .contains("“Which defences against prompt injection are in place?”")
                .doesNotContain("ms-injection");
        assertThat(problem.path("current").path("value").toString()).isEqualTo("[\"filtering\",\"validation\"]");
        assertThat(problem.path("current").path("version").asLong()).isEqualTo(1);
        // keeping mine: saved over theirs with the version that came back
        assertThat(http.put(
                                path + "/answers/ms-injection",
                                null,
                                "{\"value\": [\"filtering\", \"red-teaming\"], \"version\": 1}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_exclusive_option_is_refused_together_with_others_and_accepted_alone() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.startDefences(accounts, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        HttpResponse<String> both = http.put(
                path + "/answers/ms-injection", null, "{\"value\": [\"filtering\", \"none\"], \"version\": null}");
        assertThat(both.statusCode()).isEqualTo(422);
        assertThat(Http.json(both).path("detail").asString())
                .isEqualTo("“None of these” cannot be chosen together with other options: untick it or the others.");
        assertThat(http.put(path + "/answers/ms-injection", null, "{\"value\": [\"none\"], \"version\": null}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode view = Http.json(http.get(path, null));
        assertThat(view.path("sections")
                        .get(0)
                        .path("questions")
                        .get(0)
                        .path("options")
                        .get(4)
                        .path("exclusive")
                        .asBoolean())
                .isTrue();
        assertThat(view.path("organisation").asString()).isNotBlank();
    }

    @Test
    void replaced_revoked_and_expired_links_are_gone_and_unknown_ones_not_found_saying_nothing_more() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        long id = s.assessment().getId();
        String old = service.issueLink(id).path();
        String current = service.issueLink(id).path();
        assertThat(http.get(current, null).statusCode()).isEqualTo(200);
        HttpResponse<String> replaced = http.get(old, null);
        assertThat(replaced.statusCode()).isEqualTo(410);
        assertThat(replaced.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(replaced.body()).doesNotContain(s.vendor().getName());
        assertThat(Http.json(replaced).propertyNames()).isSubsetOf("type", "title", "status", "detail", "instance");
        assertThat(Http.json(replaced).path("detail").asString())
                .isEqualTo("This link is no longer valid. Ask the organisation that sent it for a new one.");

        service.revokeLink(id);
        assertThat(http.get(current, null).statusCode()).isEqualTo(410);
        assertThat(http.put(current + "/answers/q3", null, "{\"value\": 1, \"version\": null}")
                        .statusCode())
                .isEqualTo(410);

        String expired = SecretTokens.newValue(AssessmentService.TOKEN_PREFIX);
        links.saveAndFlush(new AssessmentLink(
                id,
                SecretTokens.sha256(expired),
                Instant.now().minusSeconds(1),
                "test",
                Instant.now().minusSeconds(60)));
        assertThat(http.get("/portal/v1/" + expired, null).statusCode()).isEqualTo(410);

        HttpResponse<String> unknown = http.get("/portal/v1/" + SecretTokens.newValue("aegp_"), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No questionnaire at this link");
        assertThat(http.get("/portal/v1/not-a-token", null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_template_change_does_not_alter_a_running_assessment() {
        Http http = new Http(port);
        Started s = AssessmentFixtures.start(accounts, vendors, templates, service);
        String path = service.issueLink(s.assessment().getId()).path();
        var next = templates.importJson(AssessmentFixtures.template(s.template().getKey(), "Changed question?"));
        assertThat(next.template().getVersion()).isEqualTo(2);
        JsonNode view = Http.json(http.get(path, null));
        assertThat(view.path("sections")
                        .get(0)
                        .path("questions")
                        .get(0)
                        .path("text")
                        .asString())
                .isEqualTo("Do you encrypt prompts?");
    }

    private HttpResponse<String> send(Http http, String path, String token, String etag) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .header("If-Match", etag)
                                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
