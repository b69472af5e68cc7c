package dev.aegis.evidence.pack.rest;

import dev.aegis.evidence.pack.PackService;
import dev.aegis.evidence.pack.PackView;
import dev.aegis.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.PageRequest;
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

/** Evidence packs over HTTP: ask for one (built in the background), follow its progress, download it when sealed. */
@RestController
@RequestMapping(path = "/api/v1/packs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Evidence packs", description = "ZIPs an auditor verifies offline with sha256sum")
class PackController {

    private final PackService packs;

    PackController(PackService packs) {
        this.packs = packs;
    }

    /** Empty or missing systems: every AI system. */
    record PackRequest(
            @NotBlank String framework,
            List<Long> systems,
            @NotNull LocalDate asOf) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for a pack; 202 with the pack, whose state and progress GET /{id} follows")
    ResponseEntity<PackView> request(@RequestBody @jakarta.validation.Valid PackRequest body) {
        PackView p = packs.request(body.framework(), body.systems(), body.asOf());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/packs/" + p.id()))
                .body(p);
    }

    @GetMapping
    PageResponse<PackView> list(
            @RequestParam(defaultValue = "0") @Min(value = 0, message = PageResponse.PAGE_RULE) int page,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "Ask for 1 to 200 packs a page.")
                    @Max(value = 200, message = "Ask for 1 to 200 packs a page.")
                    int size) {
        return PageResponse.of(packs.list(PageRequest.of(page, Math.min(Math.max(size, 1), 200))));
    }

    @GetMapping("/{id}")
    PackView get(@PathVariable long id) {
        return packs.get(id);
    }

    @GetMapping(path = "/{id}/zip", produces = "application/zip")
    @Operation(summary = "The sealed pack, exactly as sealed (audited)")
    void download(@PathVariable long id, HttpServletResponse response) throws IOException {
        PackView p = packs.get(id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + PackService.fileName(p) + "\"");
        if (p.size() != null) {
            response.setContentLengthLong(p.size());
        }
        packs.download(id, response.getOutputStream());
    }
}
