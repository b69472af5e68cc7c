package dev.aegis.framework;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * NIST's OSCAL 1.2.1 catalog JSON schema (public domain, shipped unchanged in {@code oscal/1.2.1/}), loaded once. An
 * uploaded catalog is checked against it before Aegis reads a single field, so what we read is what OSCAL means.
 */
@Component
class OscalSchema {

    private final Schema catalog;

    OscalSchema(ObjectMapper json) {
        this.catalog = load(json, "oscal/1.2.1/oscal_catalog_schema.json");
    }

    /** Every way the document breaks the schema, as "path: problem", in document order, duplicates dropped. */
    List<String> catalogProblems(JsonNode document) {
        Set<String> problems = new LinkedHashSet<>();
        catalog.validate(document).forEach(e -> problems.add(e.getInstanceLocation() + ": " + shorten(e.getMessage())));
        return List.copyOf(problems);
    }

    /** The schema's date and uuid patterns run to hundreds of characters; naming the rule is enough for a person. */
    private static String shorten(String message) {
        int pattern = message.indexOf("does not match the regex pattern ");
        if (pattern >= 0 && message.length() - pattern > 90) {
            return message.substring(0, pattern) + "does not have the form OSCAL requires here";
        }
        return message;
    }

    private static Schema load(ObjectMapper json, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            SchemaRegistryConfig config =
                    SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7, b -> b.schemaRegistryConfig(config));
            Schema schema = registry.getSchema(json.readTree(in));
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException("the OSCAL schema " + resource + " is missing from the build", e);
        }
    }
}
