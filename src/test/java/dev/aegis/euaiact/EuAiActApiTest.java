package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@AegisTest
class EuAiActApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    static final String SYSTEM = """
            {"name": "%s", "purpose": "Screens CVs of applicants", "lifecycleStage": "DEPLOYMENT",
             "deployment": "IN_HOUSE", "modelType": "CLASSIFIER", "dataCategories": ["PERSONAL_DATA"],
             "peopleAffected": ["CUSTOMERS"], "autonomy": "AUTONOMOUS", "euAiActTier": "%s",
             "euAiActRole": "%s", "status": "ACTIVE"}""";

    @Test
    void an_officer_classifies_over_the_api_and_the_tier_then_changes_only_through_classification() throws Exception {
        String token = accounts.tokenFor(accounts.create("api-officer", Role.GOVERNANCE_OFFICER));
        String name = "CV screening " + System.nanoTime();
        HttpResponse<String> created =
                send("POST", "/api/v1/ai-systems", token, null, SYSTEM.formatted(name, "UNASSESSED", "NONE"));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Http.json(created).path("id").asLong();

        HttpResponse<String> classified = send(
                "POST",
                "/api/v1/systems/" + id + "/eu-ai-act/classifications",
                token,
                null,
                "{\"aiSystem\": true, \"annexIIIUses\": [\"4(a)\"], \"profiling\": true, \"roles\": [\"DEPLOYER\"]}");
        assertThat(classified.statusCode()).isEqualTo(201);
        assertThat(Http.json(classified).path("tier").asString()).isEqualTo("HIGH");

        JsonNode standing = Http.json(send("GET", "/api/v1/systems/" + id + "/eu-ai-act", token, null, null));
        assertThat(standing.path("current").path("number").asInt()).isEqualTo(1);
        assertThat(standing.path("current").path("role").asString()).isEqualTo("DEPLOYER");
        assertThat(standing.path("history").size()).isEqualTo(1);
        assertThat(standing.path("duties").toString()).contains("Article 26");

        HttpResponse<String> read = send("GET", "/api/v1/ai-systems/" + id, token, null, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> lowered =
                send("PUT", "/api/v1/ai-systems/" + id, token, etag, SYSTEM.formatted(name, "MINIMAL", "DEPLOYER"));
        assertThat(lowered.statusCode()).isEqualTo(422);
        assertThat(lowered.body())
                .contains("\"field\":\"euAiActTier\"")
                .contains("only through the system's classification");

        HttpResponse<String> override = send(
                "POST",
                "/api/v1/systems/" + id + "/eu-ai-act/overrides",
                token,
                null,
                "{\"tier\": \"MINIMAL\", \"role\": \"DEPLOYER\"}");
        assertThat(override.statusCode()).isEqualTo(400);
        assertThat(override.body()).contains("\"field\":\"reason\"");
    }

    @Test
    void an_incident_goes_from_record_to_report_over_the_api_and_an_auditor_only_reads() throws Exception {
        String officer = accounts.tokenFor(accounts.create("api-incident-officer", Role.GOVERNANCE_OFFICER));
        String auditor = accounts.tokenFor(accounts.create("api-incident-auditor", Role.AUDITOR));
        HttpResponse<String> system = send(
                "POST",
                "/api/v1/ai-systems",
                officer,
                null,
                SYSTEM.formatted("Incident API " + System.nanoTime(), "UNASSESSED", "NONE"));
        long systemId = Http.json(system).path("id").asLong();
        String aware = LocalDateTime.now(ZoneOffset.UTC)
                .minusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();

        HttpResponse<String> missing = send(
                "POST",
                "/api/v1/eu-ai-act/incidents",
                officer,
                null,
                "{\"systemId\": " + systemId + ", \"incident\": {\"title\": \"x\", \"description\": \"y\"}}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("kind").contains("awareAt");

        String body = "{\"systemId\": " + systemId + ", \"incident\": {\"title\": \"Grid outage\", \"description\":"
                + " \"Load forecast failed\", \"kind\": \"CRITICAL_INFRASTRUCTURE\", \"awareAt\": \"" + aware
                + "\", \"zone\": \"UTC\"}}";
        HttpResponse<String> created = send("POST", "/api/v1/eu-ai-act/incidents", officer, null, body);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode incident = Http.json(created);
        assertThat(incident.path("standing").asString()).isEqualTo("Report due soon");
        assertThat(incident.path("countdown").asString()).endsWith("left");
        long id = incident.path("id").asLong();

        assertThat(send("POST", "/api/v1/eu-ai-act/incidents", auditor, null, body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/v1/eu-ai-act/incidents/due", auditor, null, null)
                        .body())
                .contains("\"id\":" + id);

        String now = LocalDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> reported = send(
                "POST",
                "/api/v1/eu-ai-act/incidents/" + id + "/report",
                officer,
                created.headers().firstValue("ETag").orElseThrow(),
                "{\"authority\": \"Bundesnetzagentur\", \"reportedAt\": \"" + now + "\", \"complete\": false}");
        assertThat(reported.statusCode()).isEqualTo(200);
        assertThat(Http.json(reported).path("standing").asString()).isEqualTo("Reported on time");

        HttpResponse<String> stale = send(
                "POST",
                "/api/v1/eu-ai-act/incidents/" + id + "/close",
                officer,
                created.headers().firstValue("ETag").orElseThrow(),
                "{}");
        assertThat(stale.statusCode()).isEqualTo(409);

        HttpResponse<String> csv = sendCsv("/api/v1/eu-ai-act/incidents/export?format=csv", auditor);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Grid outage").contains("Bundesnetzagentur");
    }

    @Test
    void a_fria_is_drafted_approved_and_notified_over_the_api_with_etags_and_an_auditor_only_reads() throws Exception {
        String officer = accounts.tokenFor(accounts.create("api-fria-officer", Role.GOVERNANCE_OFFICER));
        var secondUser = accounts.create("api-fria-second", Role.GOVERNANCE_OFFICER);
        String second = accounts.tokenFor(secondUser);
        String auditor = accounts.tokenFor(accounts.create("api-fria-auditor", Role.AUDITOR));
        long id = Http.json(send(
                        "POST",
                        "/api/v1/ai-systems",
                        officer,
                        null,
                        SYSTEM.formatted("FRIA API " + System.nanoTime(), "UNASSESSED", "NONE")))
                .path("id")
                .asLong();
        send(
                "POST",
                "/api/v1/systems/" + id + "/eu-ai-act/classifications",
                officer,
                null,
                "{\"aiSystem\": true, \"annexIIIUses\": [\"5(b)\"], \"profiling\": true, \"roles\": [\"DEPLOYER\"]}");
        JsonNode due = Http.json(send("GET", "/api/v1/systems/" + id + "/eu-ai-act/fria", auditor, null, null));
        assertThat(due.path("due").asBoolean()).isTrue();
        assertThat(due.path("status").asString()).isEqualTo("Due before first use, not started");

        String partial = "{\"processes\": \"Loan applications\", \"periodAndFrequency\": \"Daily\"}";
        HttpResponse<String> missing =
                send("POST", "/api/v1/systems/" + id + "/eu-ai-act/fria", officer, null, partial);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("\"field\":\"personsAffected\"");

        String full = "{\"processes\": \"Loan applications\", \"periodAndFrequency\": \"Daily\","
                + " \"personsAffected\": \"Applicants\", \"risksOfHarm\": \"Unjustified refusals\","
                + " \"humanOversight\": \"A loan officer reviews refusals\", \"measures\": \"Complaints form\"}";
        assertThat(send("POST", "/api/v1/systems/" + id + "/eu-ai-act/fria", auditor, null, full)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> drafted = send("POST", "/api/v1/systems/" + id + "/eu-ai-act/fria", officer, null, full);
        assertThat(drafted.statusCode()).isEqualTo(201);
        long fria = Http.json(drafted).path("id").asLong();
        String etag = drafted.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> changed = send(
                "PUT", "/api/v1/eu-ai-act/frias/" + fria, officer, etag, full.replace("Daily", "Every working day"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Http.json(changed).path("periodAndFrequency").asString()).isEqualTo("Every working day");
        assertThat(send("POST", "/api/v1/eu-ai-act/frias/" + fria + "/approval", second, etag, null)
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> approved = send(
                "POST",
                "/api/v1/eu-ai-act/frias/" + fria + "/approval",
                second,
                changed.headers().firstValue("ETag").orElseThrow(),
                null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(Http.json(approved).path("approvedBy").asString()).isEqualTo(secondUser.username());

        HttpResponse<String> noDay = send(
                "POST",
                "/api/v1/eu-ai-act/frias/" + fria + "/notification",
                officer,
                approved.headers().firstValue("ETag").orElseThrow(),
                "{\"authority\": \"BaFin\"}");
        assertThat(noDay.statusCode()).isEqualTo(400);
        assertThat(noDay.body()).contains("notifiedOn");
        HttpResponse<String> notified = send(
                "POST",
                "/api/v1/eu-ai-act/frias/" + fria + "/notification",
                officer,
                approved.headers().firstValue("ETag").orElseThrow(),
                "{\"authority\": \"BaFin\", \"notifiedOn\": \"" + java.time.LocalDate.now(ZoneOffset.UTC) + "\"}");
        assertThat(notified.statusCode()).isEqualTo(200);

        JsonNode standing = Http.json(send("GET", "/api/v1/systems/" + id + "/eu-ai-act/fria", auditor, null, null));
        assertThat(standing.path("latest").path("authority").asString()).isEqualTo("BaFin");
        assertThat(standing.path("versions").size()).isEqualTo(1);
        HttpResponse<String> pdf = sendPdf("/api/v1/eu-ai-act/frias/" + fria + "/pdf", auditor);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");

        HttpResponse<String> annexIv = sendPdf("/api/v1/systems/" + id + "/eu-ai-act/technical-documentation", auditor);
        assertThat(annexIv.statusCode()).isEqualTo(422);
        assertThat(annexIv.body()).contains("\"field\":\"role\"").contains("deploys this system");
    }

    @Test
    void the_monitoring_plan_is_written_over_the_api_with_if_match_and_its_evaluation_read() throws Exception {
        var officerUser = accounts.create("api-plan-officer", Role.GOVERNANCE_OFFICER);
        String officer = accounts.tokenFor(officerUser);
        String auditor = accounts.tokenFor(accounts.create("api-plan-auditor", Role.AUDITOR));
        long id = Http.json(send(
                        "POST",
                        "/api/v1/ai-systems",
                        officer,
                        null,
                        SYSTEM.formatted("Plan API " + System.nanoTime(), "UNASSESSED", "NONE")))
                .path("id")
                .asLong();
        JsonNode none =
                Http.json(send("GET", "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan", auditor, null, null));
        assertThat(none.path("plan").isNull()).isTrue();
        assertThat(send("GET", "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan/evaluation", auditor, null, null)
                        .body())
                .contains("\"field\":\"plan\"");

        String plan = "{\"objectives\": \"Accuracy per group\", \"cadence\": \"MONTHLY\", \"reviewer\": \""
                + officerUser.username() + "\", \"evaluation\": \"Against Art. 15\", \"actions\": \"Retrain\"}";
        HttpResponse<String> noCadence = send(
                "PUT",
                "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan",
                officer,
                null,
                plan.replace("\"MONTHLY\"", "null"));
        assertThat(noCadence.statusCode()).isEqualTo(422);
        assertThat(noCadence.body()).contains("\"field\":\"cadence\"");
        assertThat(send("PUT", "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan", auditor, null, plan)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> written =
                send("PUT", "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan", officer, null, plan);
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(Http.json(written).path("plan").path("cadenceLabel").asString())
                .isEqualTo("Monthly");
        assertThat(send("PUT", "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan", officer, null, plan)
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> again = send(
                "PUT",
                "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan",
                officer,
                written.headers().firstValue("ETag").orElseThrow(),
                plan.replace("MONTHLY", "QUARTERLY"));
        assertThat(again.statusCode()).isEqualTo(200);

        JsonNode evaluation = Http.json(send(
                "GET",
                "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan/evaluation?from=2026-07-01&to=2026-09-30",
                auditor,
                null,
                null));
        assertThat(evaluation.path("period").path("from").asString()).isEqualTo("2026-07-01");
        assertThat(evaluation.path("conclusion").asString()).startsWith("No telemetry result");
        HttpResponse<String> half = send(
                "GET",
                "/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan/evaluation?from=2026-07-01",
                auditor,
                null,
                null);
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(half.body()).contains("\"field\":\"to\"");
        assertThat(sendPdf("/api/v1/systems/" + id + "/eu-ai-act/monitoring-plan/evaluation/pdf", auditor)
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> sendPdf(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "application/pdf, application/problem+json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private HttpResponse<String> sendCsv(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/csv")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
