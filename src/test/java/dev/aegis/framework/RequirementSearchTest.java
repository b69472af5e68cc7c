package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.framework.CatalogViews.Mapping;
import dev.aegis.framework.CatalogViews.RequirementDetail;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** The search across every framework ranks what the words name first; mappings read from both ends. */
@AegisTest
class RequirementSearchTest {

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create("searcher", Role.AUDITOR));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    private List<RequirementSummary> search(String query) {
        return catalog.search(null, query, null, PageRequest.of(0, 50)).getContent();
    }

    @Test
    void prompt_injection_ranks_the_owasp_entry_first_and_the_atlas_technique_before_any_case_study() {
        List<String> refs = search("prompt injection").stream()
                .map(RequirementSummary::refId)
                .toList();

        assertThat(refs.getFirst()).isEqualTo("LLM01:2025");
        assertThat(refs).contains("AML.T0051");
        int technique = refs.indexOf("AML.T0051");
        assertThat(refs.subList(0, technique)).noneMatch(ref -> ref.startsWith("AML.CS"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "LLM01, LLM01:2025",
        "llm01, LLM01:2025",
        "A.6.2.8, A.6.2.8",
        "AML.T0051, AML.T0051",
        "aml.t0051, AML.T0051",
        "GOVERN 1.1, GOVERN 1.1"
    })
    void an_exact_reference_id_comes_first(String query, String expected) {
        assertThat(search(query).getFirst().refId()).isEqualTo(expected);
    }

    @Test
    void a_search_narrowed_to_one_framework_stays_in_it() {
        assertThat(catalog.search("MITRE-ATLAS", "prompt injection", null, PageRequest.of(0, 50))
                        .getContent())
                .isNotEmpty()
                .allMatch(r -> r.frameworkCode().equals("MITRE-ATLAS"));
    }

    @Test
    void an_atlas_technique_shows_the_owasp_entries_the_crosswalk_maps_to_its_sub_techniques() {
        long technique = catalog.find("MITRE-ATLAS", "AML.T0051").orElseThrow().id();

        RequirementDetail detail = catalog.requirement(technique);

        assertThat(detail.mappings()).extracting(m -> m.other().refId()).contains("LLM01:2025");
        Mapping llm01 = detail.mappings().stream()
                .filter(m -> m.other().refId().equals("LLM01:2025"))
                .findFirst()
                .orElseThrow();
        assertThat(llm01.outgoing())
                .as("the crosswalk points from OWASP to ATLAS")
                .isFalse();
        assertThat(llm01.via().refId()).startsWith("AML.T0051.");
    }

    @Test
    void the_owasp_entry_shows_the_atlas_techniques_it_maps_to() {
        long llm01 =
                catalog.find("OWASP-LLM-TOP10-2025", "LLM01:2025").orElseThrow().id();

        assertThat(catalog.requirement(llm01).mappings())
                .extracting(m -> m.other().refId())
                .contains("AML.T0051.000", "AML.T0051.001");
    }
}
