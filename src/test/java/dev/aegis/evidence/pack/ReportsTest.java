package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class ReportsTest {

    @Autowired
    PackFixtures fixtures;

    @Autowired
    ReportService reports;

    @Autowired
    OscalAssessmentResults oscal;

    @Autowired
    SnapshotReader reader;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_risk_register_and_the_system_profile_are_searchable_pdfs_and_their_export_is_audited() throws Exception {
        PackFixtures.Scope s = fixtures.scope("report");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        ByteArrayOutputStream register = new ByteArrayOutputStream();
        reports.riskRegister(List.of(s.system().getId()), register);
        assertThat(PackServiceTest.text(register.toByteArray()))
                .contains("Risk register", "Hallucinated dosage report");

        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        reports.systemProfile(s.system().getId(), profile);
        assertThat(PackServiceTest.text(profile.toByteArray()))
                .contains(
                        "Pack system report",
                        "Suggests diagnoses",
                        "Hallucinated dosage report",
                        s.controlTitle(),
                        "PHI");
        assertThat(jdbc.queryForList(
                        "select changes from audit.audit_entry where object_type = 'Report' " + "and action = 'EXPORT'",
                        String.class))
                .anyMatch(c -> c.contains("system-profile.pdf"))
                .anyMatch(c -> c.contains("risk-register.pdf"));
    }

    @Autowired
    dev.aegis.shared.ConfiguredOrganisation organisation;

    @Test
    void the_organisation_an_administrator_sets_heads_every_report_which_stays_pdf_a() throws Exception {
        PackFixtures.Scope s = fixtures.scope("letterhead");
        TestAccounts.signIn(accounts.create("admin", Role.ADMIN));
        var before = organisation.settings();
        try {
            var renamed = organisation.rename("Northwind Health Trust", before.version());
            java.awt.image.BufferedImage logo =
                    new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(logo, "png", png);
            var withLogo = organisation.changeLogo(
                    "logo.png", new java.io.ByteArrayInputStream(png.toByteArray()), renamed.version());
            assertThat(withLogo.logoPng()).isNotNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> organisation.changeLogo(
                            "logo.png",
                            new java.io.ByteArrayInputStream("not an image".getBytes(StandardCharsets.UTF_8)),
                            withLogo.version()))
                    .isInstanceOf(dev.aegis.shared.DomainRuleException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> organisation.rename("Stale", renamed.version()))
                    .hasMessageContaining("Someone else changed");

            TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
            ByteArrayOutputStream register = new ByteArrayOutputStream();
            reports.riskRegister(List.of(s.system().getId()), register);
            assertThat(PackServiceTest.text(register.toByteArray()))
                    .contains("Northwind Health Trust", "Page 1 of 1", "Inherent 15 (critical)");
            assertThat(PackCoverageTest.failedPdfaChecks(register.toByteArray()))
                    .isEmpty();
            try (var doc = org.apache.pdfbox.Loader.loadPDF(register.toByteArray())) {
                assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
            }
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit.audit_entry where object_type = 'Organisation' "
                                    + "and action = 'UPDATE'",
                            Long.class))
                    .isGreaterThanOrEqualTo(2);
        } finally {
            TestAccounts.signIn(accounts.create("admin2", Role.ADMIN));
            var now = organisation.settings();
            var restored = organisation.removeLogo(now.version());
            organisation.rename(before.name(), restored.version());
        }
        try {
            TestAccounts.signIn(accounts.create("auditor2", Role.AUDITOR));
            organisation.rename("Not allowed", organisation.settings().version());
            throw new AssertionError("an auditor renamed the organisation");
        } catch (org.springframework.security.authorization.AuthorizationDeniedException expected) {
            // only administrators set the organisation
        }
    }

    @Test
    void the_oscal_assessment_results_validate_and_name_requirements_controls_and_findings() throws Exception {
        PackFixtures.Scope s = fixtures.scope("oscal");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        Snapshot snapshot = reader.read(PackFixtures.ISO, List.of(s.system().getId()), LocalDate.now());
        byte[] document = oscal.write(snapshot, Instant.now());
        assertThat(oscal.problems(document)).isEmpty();
        String json = new String(document, StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"a.6.2.4\"",
                        s.controlTitle(),
                        "not-satisfied",
                        "reviewed-controls",
                        "\"observations\"",
                        "\"findings\"",
                        "relevant-evidence",
                        s.evidenceSha256(),
                        "evidence/" + s.evidenceId() + "-v1-verification-oscal.txt");

        String token = accounts.tokenFor(accounts.create("api-auditor", Role.AUDITOR));
        var response = new Http(port)
                .get(
                        "/api/v1/oscal/assessment-results?framework=" + PackFixtures.ISO + "&systems="
                                + s.system().getId(),
                        token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(oscal.problems(response.body().getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        var pdf = new Http(port).download("/api/v1/systems/" + s.system().getId() + "/profile.pdf", token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(PackServiceTest.text(pdf.body())).contains("Pack system oscal");
        var owner = accounts.tokenFor(accounts.create("api-owner", Role.SYSTEM_OWNER));
        assertThat(new Http(port)
                        .download("/api/v1/reports/risk-register.pdf", owner)
                        .statusCode())
                .isEqualTo(403);
    }
}
