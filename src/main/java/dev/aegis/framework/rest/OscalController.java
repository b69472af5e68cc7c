package dev.aegis.framework.rest;

import dev.aegis.framework.CatalogDiff;
import dev.aegis.framework.OscalExporter;
import dev.aegis.framework.OscalExporter.OscalExport;
import dev.aegis.framework.OscalImporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Frameworks and crosswalks as OSCAL 1.2.1 documents, and OSCAL catalogs in as custom frameworks. The services check
 * the roles: every role may export, only governance officers and administrators may import.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "OSCAL", description = "Framework catalogs and crosswalks as OSCAL 1.2.1 JSON")
class OscalController {

    private final OscalExporter exporter;
    private final OscalImporter importer;

    OscalController(OscalExporter exporter, OscalImporter importer) {
        this.exporter = exporter;
        this.importer = importer;
    }

    @GetMapping("/frameworks/{code}/oscal")
    @Operation(summary = "The framework as an OSCAL 1.2.1 catalog (licensed text is never included)")
    ResponseEntity<JsonNode> catalog(@PathVariable String code) {
        return download(exporter.catalog(code));
    }

    @GetMapping("/crosswalks/{code}/oscal")
    @Operation(summary = "The crosswalk as an OSCAL 1.2.1 mapping collection")
    ResponseEntity<JsonNode> mapping(@PathVariable String code) {
        return download(exporter.mapping(code));
    }

    @PostMapping("/frameworks/import/oscal")
    @Operation(
            summary = "Import an OSCAL 1.2.1 catalog (the request body) as a custom framework; with preview=true "
                    + "(the default) only say what would change")
    CatalogDiff importCatalog(
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "true") boolean preview,
            @RequestBody byte[] file) {
        return preview ? importer.preview(file, code) : importer.importCatalog(file, code);
    }

    private static ResponseEntity<JsonNode> download(OscalExport export) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName())
                                .build()
                                .toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body(export.document());
    }
}
