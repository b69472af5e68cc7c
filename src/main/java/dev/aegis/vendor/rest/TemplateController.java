package dev.aegis.vendor.rest;

import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questionnaire templates over HTTP. A template version is exported and imported as the same JSON document
 * (format aegis-questionnaire/1); an import whose content differs from the latest version writes the next version.
 */
@RestController
@RequestMapping(path = "/api/v1/vendor-templates", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vendor questionnaire templates", description = "Versioned questionnaires vendors answer")
class TemplateController {

    private final TemplateService service;

    TemplateController(TemplateService service) {
        this.service = service;
    }

    record TemplateVersion(long id, String key, int version, String title, Instant createdAt, String createdBy) {
        static TemplateVersion of(QuestionnaireTemplate t) {
            return new TemplateVersion(
                    t.getId(), t.getKey(), t.getVersion(), t.getTitle(), t.getCreatedAt(), t.getCreatedBy());
        }
    }

    @GetMapping
    @Operation(summary = "The latest version of every template, or every version of one template (key)")
    List<TemplateVersion> list(@RequestParam(required = false) String key) {
        return (key == null ? service.latest() : service.versions(key))
                .stream().map(TemplateVersion::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template version as its JSON document (the export format)")
    ResponseEntity<String> export(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(service.export(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a questionnaire: 201 with the new version, or 200 with the latest when unchanged")
    ResponseEntity<TemplateVersion> importJson(@RequestBody String json) {
        TemplateService.Saved saved = service.importJson(json);
        TemplateVersion body = TemplateVersion.of(saved.template());
        return saved.written()
                ? ResponseEntity.created(URI.create("/api/v1/vendor-templates/" + body.id()))
                        .body(body)
                : ResponseEntity.ok(body);
    }
}
