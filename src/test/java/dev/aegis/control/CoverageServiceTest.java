package dev.aegis.control;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coverage of one AI system, so other tests' controls (on other systems) never count. */
@AegisTest
class CoverageServiceTest {

    static final String NIST = "NIST-AI-RMF-1.0";
    static final String ISO = "ISO-IEC-42001-2023";

    @Autowired
    CoverageService coverage;

    @Autowired
    ControlService controls;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    AiSystem system;

    @BeforeEach
    void system() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        system = systems.register(diagnosisAssistant("Coverage " + System.nanoTime(), "officer"));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    long req(String framework, String ref) {
        return catalog.find(framework, ref).orElseThrow().id();
    }

    Control applied(ImplementationStatus status, Map<Long, MappingStrength> mappings) {
        Control c = controls.create(new ControlDetails(
                "Cov " + System.nanoTime(),
                null,
                ControlType.PREVENTIVE,
                null,
                status,
                null,
                TestFrequency.QUARTERLY,
                null,
                null,
                mappings,
                Set.of()));
        controls.apply(c.getId(), List.of(system.getId()), status);
        return c;
    }

    RequirementCoverage of(String framework, String ref) {
        long id = req(framework, ref);
        return coverage.framework(framework, system.getId()).requirements().stream()
                .filter(r -> r.requirement().id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void an_implemented_control_mapped_fully_covers_the_requirement() {
        applied(ImplementationStatus.IMPLEMENTED, Map.of(req(ISO, "A.6.2.4"), MappingStrength.FULL));
        RequirementCoverage c = of(ISO, "A.6.2.4");
        assertThat(c.level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(c.throughCrosswalk()).isFalse();
        assertThat(of(ISO, "A.6.2.5").level()).isEqualTo(CoverageLevel.NOT_COVERED);
    }

    @Test
    void planned_controls_and_partial_mappings_cover_only_partly() {
        applied(ImplementationStatus.PLANNED, Map.of(req(ISO, "A.6.2.4"), MappingStrength.FULL));
        applied(ImplementationStatus.IMPLEMENTED, Map.of(req(ISO, "A.6.2.5"), MappingStrength.PARTIAL));
        assertThat(of(ISO, "A.6.2.4").level()).isEqualTo(CoverageLevel.PARTIAL);
        assertThat(of(ISO, "A.6.2.5").level()).isEqualTo(CoverageLevel.PARTIAL);
    }

    @Test
    void coverage_crosses_a_related_crosswalk_only_partly_and_says_which_crosswalk() {
        // the bundled NIST AI RMF → ISO/IEC 42001 crosswalk relates GOVERN 1.1 to clause 4.1
        applied(ImplementationStatus.IMPLEMENTED, Map.of(req(NIST, "GOVERN 1.1"), MappingStrength.FULL));
        assertThat(of(NIST, "GOVERN 1.1").level()).isEqualTo(CoverageLevel.COVERED);
        var carried = coverage.framework(ISO, null).requirements().stream()
                .filter(r -> r.requirement().id() == req(ISO, "4.1"))
                .findFirst()
                .orElseThrow();
        assertThat(carried.level()).isIn(CoverageLevel.PARTIAL, CoverageLevel.COVERED);
        var cell = coverage.cell(req(ISO, "4.1"), system.getId());
        assertThat(cell.coverage().level()).isEqualTo(CoverageLevel.PARTIAL);
        assertThat(cell.coverage().direct()).isEqualTo(CoverageLevel.NOT_COVERED);
        assertThat(cell.coverage().via().crosswalks())
                .singleElement()
                .asString()
                .contains("ISO-IEC-42001");
        assertThat(cell.coverage().via().from().refId()).isEqualTo("GOVERN 1.1");
        assertThat(cell.controls()).singleElement().satisfies(b -> {
            assertThat(b.through().refId()).isEqualTo("GOVERN 1.1");
            assertThat(b.crosswalk()).isNotBlank();
        });
    }

    @Test
    void a_control_mapped_to_several_frameworks_counts_once_per_requirement() {
        Control c = applied(
                ImplementationStatus.IMPLEMENTED,
                Map.of(req(NIST, "GOVERN 1.1"), MappingStrength.FULL, req(ISO, "4.1"), MappingStrength.FULL));
        var cell = coverage.cell(req(ISO, "4.1"), system.getId());
        assertThat(cell.coverage().level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(cell.coverage().throughCrosswalk()).isFalse();
        assertThat(cell.coverage().controls()).isEqualTo(1);
        assertThat(cell.controls())
                .extracting(CoverageService.ControlBehind::controlId)
                .containsExactly(c.getId());
    }

    @Test
    void the_matrix_gives_each_system_its_own_scope_and_status() {
        AiSystem other = systems.register(diagnosisAssistant("Coverage other " + System.nanoTime(), "officer"));
        applied(ImplementationStatus.IMPLEMENTED, Map.of(req(ISO, "A.6.2.6"), MappingStrength.FULL));
        var matrix = coverage.matrix(ISO, List.of(system.getId(), other.getId()));
        assertThat(matrix.get(system.getId()).get(req(ISO, "A.6.2.6")).level()).isEqualTo(CoverageLevel.COVERED);
        assertThat(matrix.get(other.getId()).get(req(ISO, "A.6.2.6")).level()).isEqualTo(CoverageLevel.NOT_COVERED);
        assertThat(coverage.gaps(ISO, system.getId()))
                .extracting(g -> g.requirement().refId())
                .doesNotContain("A.6.2.6")
                .contains("A.6.2.5");
    }
}
