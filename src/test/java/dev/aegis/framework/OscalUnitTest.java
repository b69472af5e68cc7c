package dev.aegis.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class OscalUnitTest {

    @Test
    void the_application_validates_uploads_against_the_official_catalog_schema_unchanged() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream app = loader.getResourceAsStream("oscal/1.2.1/oscal_catalog_schema.json");
                InputStream official = loader.getResourceAsStream("oscal/oscal_catalog_schema.json")) {
            assertThat(app.readAllBytes()).isEqualTo(official.readAllBytes());
        }
    }

    @Test
    void the_test_schemas_refuse_what_oscal_refuses() {
        assertThat(OscalSchemas.catalogProblems(OscalSchemas.JSON.readTree("{\"catalog\": {\"uuid\": \"x\"}}")))
                .contains("$.catalog: required property 'metadata' not found")
                .anyMatch(p -> p.startsWith("$.catalog.uuid: does not match"));
        assertThat(OscalSchemas.mappingProblems(OscalSchemas.JSON.readTree("{\"mapping-collection\": {}}")))
                .contains("$['mapping-collection']: required property 'provenance' not found");
    }

    @Test
    void ids_come_from_reference_ids_in_the_form_oscal_tokens_take() {
        assertThat(OscalIds.token("GOVERN 1.1")).isEqualTo("govern-1.1");
        assertThat(OscalIds.token("LLM01:2025")).isEqualTo("llm01-2025");
        assertThat(OscalIds.token("AML.T0051.000")).isEqualTo("aml.t0051.000");
        assertThat(OscalIds.token("4.1")).isEqualTo("_4.1");
        assertThat(OscalIds.token("AC-1(1)")).isEqualTo("ac-1-1");
        assertThat(OscalIds.token("  ")).isEqualTo("_");
    }

    @Test
    void uuids_are_name_based_version_5_and_stable() {
        assertThat(OscalIds.uuid("x")).isEqualTo(OscalIds.uuid("x")).isNotEqualTo(OscalIds.uuid("y"));
        assertThat(OscalIds.uuid("x").version()).isEqualTo(5);
        assertThat(OscalIds.uuid("x").variant()).isEqualTo(2);
    }
}
