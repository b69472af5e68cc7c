package dev.aegis.risk;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class RiskFileApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

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

    @Test
    void an_auditor_exports_with_the_lists_filters_and_the_export_is_audited_but_may_not_import() throws Exception {
        String tag = "ApiRiskExport" + System.nanoTime();
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long system =
                systems.register(diagnosisAssistant(tag + " system", "owner")).getId();
        risks.identify(new RiskDetails(
                tag + " privacy", null, Category.PRIVACY, Set.of(system), Set.of(), Set.of(), 3, 3, null, null));
        risks.identify(new RiskDetails(
                tag + " safety", null, Category.SAFETY, Set.of(system), Set.of(), Set.of(), 3, 3, null, null));
        TestAccounts.signOut();
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        String token = accounts.tokenFor(auditor);

        HttpResponse<byte[]> csv = get("/api/v1/risks/export?format=csv&category=PRIVACY&q=" + tag, token);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .contains("aegis-risks-")
                .contains(".csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFid,version,title")
                .contains(tag + " privacy")
                .doesNotContain(tag + " safety");
        HttpResponse<byte[]> xlsx = get("/api/v1/risks/export?format=xlsx&q=" + tag, token);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EXPORT' and actor = ? "
                                + "and object_type = 'Risk' and changes like '%category=PRIVACY%'",
                        Long.class, auditor.username()))
                .isEqualTo(1);

        assertThat(post("/api/v1/risks/import", token, csv.body()).statusCode()).isEqualTo(403);
    }

    @Test
    void a_system_owner_imports_risks_of_their_own_systems_only() throws Exception {
        String tag = "ApiRiskImport" + System.nanoTime();
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        systems.register(diagnosisAssistant(tag + " mine", owner.username()));
        systems.register(diagnosisAssistant(tag + " theirs", "someone-else"));
        TestAccounts.signOut();
        String token = accounts.tokenFor(owner);
        String header = "title,category,systems,inherentLikelihood,inherentImpact\n";

        HttpResponse<String> refused = post(
                "/api/v1/risks/import",
                token,
                (header
                                + tag + " ok,Security," + tag + " mine,3,3\n"
                                + tag + " foreign,Security," + tag + " mine; " + tag + " theirs,3,3\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        var errors = Http.json(refused).path("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).path("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("column").asString()).isEqualTo("systems");
        assertThat(errors.get(0).path("message").asString()).contains(tag + " theirs");

        HttpResponse<String> accepted = post(
                "/api/v1/risks/import",
                token,
                (header + tag + " ok,Security," + tag + " mine,3,3\n").getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("\"applied\":true").contains("\"created\":1");
        TestAccounts.signIn(owner);
        var mine = risks.search(
                        new RiskService.Filter(tag, null, null, null, null, null, null),
                        org.springframework.data.domain.PageRequest.of(0, 10))
                .getContent();
        assertThat(mine).extracting(Risk::getTitle).containsExactly(tag + " ok");
        assertThat(mine.getFirst().getOwner()).isEqualTo(owner.username());
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return new Http(port).download(path, token);
    }

    private HttpResponse<String> post(String path, String token, byte[] file) throws Exception {
        return new Http(port).upload(path, token, "risks.csv", file);
    }
}
