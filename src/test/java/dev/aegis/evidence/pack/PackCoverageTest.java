package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.reports.DocRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pack and the Coverage screen/API tell one truth: a register like the demo's (the starter library adopted, some
 * controls implemented, others planned or in progress, applied to an AI system), whose ISO/IEC 42001 coverage comes
 * partly through the NIST AI RMF crosswalk.
 */
@AegisTest
class PackCoverageTest {

    static final String ISO = PackFixtures.ISO;

    @Autowired
    ControlService controls;

    @Autowired
    CoverageService coverage;

    @Autowired
    AiSystemService systems;

    @Autowired
    SnapshotReader reader;

    @Autowired
    PackDocument document;

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

    /** The starter library adopted, every third control implemented, applied to a new AI system as it stands. */
    AiSystem demoLikeRegister(String name) {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        controls.adopt(controls.starterLibrary().stream()
                .filter(e -> e.adoptedAs() == null)
                .map(e -> e.control().id())
                .toList());
        // the demo's mix of statuses (DemoControls): set here in bulk, the audit log is not what this test is about
        jdbc.update("update control.control set status = case when id % 3 = 0 then 'IMPLEMENTED' when id % 3 = 1 "
                + "then 'IN_PROGRESS' else 'PLANNED' end where starter_id is not null");
        AiSystem system = systems.register(AiSystemFixtures.diagnosisAssistant(name, "officer"));
        List<Long> starter = jdbc.queryForList(
                "select id from control.control where starter_id is not null " + "order by id", Long.class);
        for (Long id : starter) {
            controls.apply(
                    id,
                    List.of(system.getId()),
                    id % 2 == 0 ? ImplementationStatus.IMPLEMENTED : ImplementationStatus.IN_PROGRESS);
        }
        return system;
    }

    @Test
    void the_pack_gives_every_requirement_the_level_the_coverage_api_gives_it_and_names_the_crosswalk()
            throws Exception {
        AiSystem system = demoLikeRegister("Coverage truth system");
        String token = accounts.tokenFor(accounts.create("api-auditor", Role.AUDITOR));
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        for (Long scope : new Long[] {null, system.getId()}) {
            Snapshot pack = reader.read(ISO, scope == null ? List.of() : List.of(scope), today);
            var response =
                    new Http(port).get("/api/v1/coverage/" + ISO + (scope == null ? "" : "?system=" + scope), token);
            assertThat(response.statusCode()).isEqualTo(200);
            Map<Long, String> api = new LinkedHashMap<>();
            for (JsonNode r :
                    JsonMapper.builder().build().readTree(response.body()).get("requirements")) {
                api.put(r.get("requirement").get("id").asLong(), r.get("level").asString());
            }
            Map<Long, String> printed = pack.coverage().requirements().stream()
                    .collect(Collectors.toMap(
                            c -> c.requirement().id(), c -> c.level().name(), (a, b) -> a, LinkedHashMap::new));
            assertThat(printed).as("scope " + scope).isEqualTo(api);
            assertThat(pack.requirements()).extracting(r -> r.id()).containsExactlyElementsOf(api.keySet());

            // and the pack prints each requirement with that level, in words, right under its heading
            List<DocRow> body = PackDocument.body(pack, "0".repeat(64));
            Map<String, String> levelUnderHeading = new LinkedHashMap<>();
            for (int i = 0; i + 1 < body.size(); i++) {
                if ("H2".equals(body.get(i).kind())
                        && "Coverage".equals(body.get(i + 1).c1())) {
                    levelUnderHeading.put(body.get(i).c1(), body.get(i + 1).c2());
                }
            }
            for (RequirementCoverage c : pack.coverage().requirements()) {
                assertThat(levelUnderHeading.get(c.requirement().refId() + " · "
                                + c.requirement().title()))
                        .as(c.requirement().refId())
                        .startsWith(PackDocument.coverageWords(c.level()));
            }
        }

        Snapshot organisation = reader.read(ISO, List.of(), today);
        List<RequirementCoverage> viaCrosswalk = organisation.coverage().requirements().stream()
                .filter(RequirementCoverage::throughCrosswalk)
                .toList();
        assertThat(viaCrosswalk)
                .as("coverage carried by the NIST AI RMF crosswalk")
                .isNotEmpty();
        String text = PackServiceTest.text(pdf(organisation));
        var via = viaCrosswalk.getFirst().via();
        assertThat(text)
                .as("the crosswalk and the requirement it came from, by reference, never by catalog code")
                .contains(("through " + String.join(" and ", via.crosswalkNames()) + ", from "
                                + via.from().refId())
                        .replaceAll("\\s+", " "));
        assertThat(text).doesNotContain("Control #").doesNotContain("from NIST-AI-RMF-1.0");
    }

    @Test
    void the_pack_pdf_is_pdf_a_2b_with_a_summary_bookmarks_and_page_x_of_y() throws Exception {
        AiSystem system = demoLikeRegister("Archive system");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        byte[] pdf = pdf(reader.read(ISO, List.of(system.getId()), LocalDate.now(ZoneOffset.UTC)));

        // kept for a look (pdftoppm) after the test run
        Files.write(java.nio.file.Path.of("target", "pack-sample.pdf"), pdf);
        assertThat(failedPdfaChecks(pdf)).isEmpty();
        String text = PackServiceTest.text(pdf);
        assertThat(text)
                .contains(
                        "Summary",
                        "Coverage per clause group",
                        "Open risks by band",
                        "Evidence freshness",
                        "Page 2 of ",
                        "SC-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var outline = doc.getDocumentCatalog().getDocumentOutline();
            assertThat(outline).isNotNull();
            List<String> titles = new java.util.ArrayList<>();
            outline.children().forEach(i -> titles.add(i.getTitle()));
            assertThat(titles)
                    .contains(
                            "Cover",
                            "Contents",
                            "Summary",
                            "1 Scope and method",
                            "3 Requirements, controls and evidence",
                            "8 Audit log excerpt");
            assertThat(text).contains("Page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages());
        }
    }

    @Autowired
    dev.aegis.shared.OrganisationProfile organisation;

    @Test
    void the_cover_carries_the_organisation_and_the_key_figures_and_no_heading_or_table_head_ends_a_page()
            throws Exception {
        AiSystem system = demoLikeRegister("Layout system");
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        Snapshot snapshot = reader.read(ISO, List.of(system.getId()), LocalDate.now(ZoneOffset.UTC));
        byte[] pdf = pdf(snapshot);
        ExecutiveSummary.Figures f = ExecutiveSummary.figures(snapshot);
        List<DocRow> body = PackDocument.body(snapshot, "0".repeat(64));
        // what a page must not end with: a table head's last cell, or a heading
        java.util.Set<String> orphans = new java.util.HashSet<>();
        body.stream().filter(r -> "TH".equals(r.kind())).forEach(r -> orphans.add(r.c4()));
        body.stream()
                .filter(r -> "H1".equals(r.kind()) || "H2".equals(r.kind()))
                .forEach(r -> orphans.add(r.c1()));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String cover = stripper.getText(doc).replaceAll("\\s+", " ");
            assertThat(cover)
                    .contains(organisation.name(), "Evidence pack", "At a glance", "In short")
                    .contains(f.percent() + " %", "coverage: " + f.covered() + " covered")
                    .contains(f.openRisks() + " ", f.evidence() + " ");
            for (int page = 3; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String footer = "Page " + page + " of";
                List<String> lines = stripper.getText(doc)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.contains(footer))
                        .toList();
                assertThat(orphans)
                        .as("the last line of page " + page + ": " + lines.getLast())
                        .doesNotContain(lines.getLast());
            }
        }
    }

    byte[] pdf(Snapshot s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var swap = Files.createTempDirectory("swap");
        document.render(
                new PackDocument.Cover(
                        "ISO/IEC 42001",
                        s.scopeLabel(),
                        s.asOf().toString(),
                        "auditor",
                        "now",
                        "0".repeat(64),
                        "#0",
                        ExecutiveSummary.inShort(s),
                        ExecutiveSummary.coverFigures(s)),
                PackDocument.body(s, "0".repeat(64)),
                PackDocument.descriptions(s),
                "test",
                swap,
                out);
        return out.toByteArray();
    }

    /** veraPDF's PDF/A-2b validation: the failed checks, empty when the document conforms. */
    static List<String> failedPdfaChecks(byte[] pdf) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        try (var parser =
                        Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
                var validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            return result.isCompliant()
                    ? List.of()
                    : result.getTestAssertions().stream()
                            .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                            .map(a -> a.getRuleId().getClause() + "-"
                                    + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                            .distinct()
                            .limit(20)
                            .toList();
        }
    }
}
