package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled starter library ({@code db/controls/starter-controls.json}): controls written for AI systems across the
 * MLOps stages, each mapped to requirements of the bundled frameworks by reference id. Read once; officers adopt
 * entries into their own library and adapt them there.
 */
@Component
public class StarterLibrary {

    static final String LOCATION = "db/controls/starter-controls.json";

    /** One starter control as the library states it. */
    public record StarterControl(
            String id,
            String stage,
            ControlType type,
            TestFrequency testFrequency,
            String title,
            String description,
            Map<String, List<String>> mappings) {}

    private final String version;
    private final List<StarterControl> controls;

    StarterLibrary() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            version = root.path("version").asString();
            controls = root.path("controls")
                    .valueStream()
                    .map(StarterLibrary::control)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("The starter control library " + LOCATION + " cannot be read", e);
        }
    }

    private static StarterControl control(JsonNode n) {
        Map<String, List<String>> mappings = new LinkedHashMap<>();
        n.path("mappings")
                .properties()
                .forEach(e -> mappings.put(
                        e.getKey(),
                        e.getValue().valueStream().map(JsonNode::asString).toList()));
        return new StarterControl(
                n.path("id").asString(),
                n.path("stage").asString(),
                ControlType.valueOf(n.path("type").asString()),
                TestFrequency.valueOf(n.path("testFrequency").asString()),
                n.path("title").asString(),
                n.path("description").asString(),
                Map.copyOf(mappings));
    }

    public String version() {
        return version;
    }

    public List<StarterControl> controls() {
        return controls;
    }

    public Optional<StarterControl> find(String id) {
        return controls.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
