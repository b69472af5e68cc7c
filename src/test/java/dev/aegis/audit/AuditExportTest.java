package dev.aegis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class AuditExportTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_auditor_exports_a_pdf_excerpt_that_holds_the_entries_and_the_chain_status() throws Exception {
        String actor = "pdf-writer-" + System.nanoTime();
        log.append(actor, "AiSystem", "17", "CREATE", Map.of("name", "Diagnosis assistant"));
        log.append(
                actor,
                "AiSystem",
                "17",
                "UPDATE",
                Map.of("stage", Map.of("before", "training", "after", "deployment")));
        var auditor = accounts.create("pdf-auditor", Role.AUDITOR);
        String token = accounts.tokenFor(auditor);

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/audit/export?format=pdf&actor=" + actor))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text;
        try (var pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text)
                .contains("Aegis audit log")
                .contains("Hash chain verified intact")
                .contains("Generated")
                .contains(auditor.username())
                .contains(actor)
                .contains("AI system #17") // an entry without a kept label: its type and number
                .contains("Diagnosis assistant")
                .contains("stage: training → deployment")
                .contains("Page 1");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EXPORT' and actor = ? "
                                + "and changes like '%pdf%'",
                        Long.class, auditor.username()))
                .isEqualTo(1);
    }

    @Test
    void a_csv_export_through_the_api_holds_every_matching_entry() throws Exception {
        String actor = "csv-writer-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            log.append(actor, "Risk", String.valueOf(i), "CREATE", Map.of("title", "risk, \"quoted\" " + i));
        }
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/audit/export?format=csv&actor=" + actor))
                                .header("Authorization", "Bearer " + AegisTest.BOOTSTRAP_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains(actor).contains("\"{\"\"title\"\":\"\"risk, \\\"\"quoted\\\"\" 0\"\"}\"");
    }
}
