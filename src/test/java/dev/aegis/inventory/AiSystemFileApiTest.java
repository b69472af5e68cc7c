package dev.aegis.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class AiSystemFileApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService service;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void an_auditor_may_export_but_not_import() throws Exception {
        String tag = "AuditorExport" + System.nanoTime();
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        service.register(AiSystemFixtures.diagnosisAssistant(tag, "owner"));
        TestAccounts.signOut();
        String token = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));

        HttpResponse<byte[]> csv = get("/api/v1/ai-systems/export?format=csv&q=" + tag, token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(".csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFid,version,name,purpose")
                .contains(tag)
                .contains("PHI; PERSONAL_DATA");

        HttpResponse<String> refused = post("/api/v1/ai-systems/import", token, csv.body());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void an_export_lands_in_the_audit_log() throws Exception {
        var auditor = accounts.create("auditor", Role.AUDITOR);
        HttpResponse<byte[]> xlsx = get("/api/v1/ai-systems/export?format=xlsx&tier=HIGH", accounts.tokenFor(auditor));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EXPORT' and actor = ? "
                                + "and object_type = 'AiSystem' and changes like '%xlsx%' and changes like '%tier=HIGH%'",
                        Long.class, auditor.username()))
                .isEqualTo(1);
    }

    @Test
    void an_import_with_a_bad_enum_in_row_3_and_a_missing_name_in_row_5_answers_422_and_writes_nothing()
            throws Exception {
        String tag = "ApiImport" + System.nanoTime();
        String token = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        byte[] file = AiSystemTransferTest.csv(
                AiSystemTransferTest.REQUIRED,
                tag + " a,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE",
                tag + " b,Triage,DEPLOYMENT,IN_HOUSE,ORACLE,AUTONOMOUS,UNASSESSED,NONE,ACTIVE",
                tag + " c,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE",
                ",Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE");

        HttpResponse<String> response = post("/api/v1/ai-systems/import", token, file);
        assertThat(response.statusCode()).isEqualTo(422);
        var errors = Http.json(response).path("errors");
        assertThat(errors.size()).isEqualTo(2);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("column").asString()).isEqualTo("modelType");
        assertThat(errors.get(1).path("row").asInt()).isEqualTo(5);
        assertThat(errors.get(1).path("column").asString()).isEqualTo("name");
        assertThat(get("/api/v1/ai-systems?q=" + tag, token).body())
                .asString(StandardCharsets.UTF_8)
                .contains("\"totalElements\":0");

        HttpResponse<String> preview = post(
                "/api/v1/ai-systems/import?preview=true",
                token,
                AiSystemTransferTest.csv(
                        AiSystemTransferTest.REQUIRED,
                        tag + " a,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("\"applied\":false").contains("\"created\":1");
        HttpResponse<String> applied = post(
                "/api/v1/ai-systems/import",
                token,
                AiSystemTransferTest.csv(
                        AiSystemTransferTest.REQUIRED,
                        tag + " a,Triage,DEPLOYMENT,IN_HOUSE,CLASSIFIER,AUTONOMOUS,UNASSESSED,NONE,ACTIVE"));
        assertThat(applied.body()).contains("\"applied\":true").contains("\"created\":1");
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return new Http(port).download(path, token);
    }

    private HttpResponse<String> post(String path, String token, byte[] file) throws Exception {
        return new Http(port).upload(path, token, "systems.csv", file);
    }
}
