package dev.aegis.framework;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The official OSCAL 1.2.1 schemas in src/test/resources/oscal/, independent of the application's own copy. */
final class OscalSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema CATALOG = load("oscal/oscal_catalog_schema.json");
    private static final Schema MAPPING = load("oscal/oscal_mapping_schema.json");

    private OscalSchemas() {}

    static List<String> catalogProblems(JsonNode document) {
        return CATALOG.validate(document).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    static List<String> mappingProblems(JsonNode document) {
        return MAPPING.validate(document).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    private static Schema load(String resource) {
        try (InputStream in = OscalSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            var config =
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(config))
                    .getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
