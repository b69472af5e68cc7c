package dev.aegis.evidence.rest;

import dev.aegis.evidence.EvidenceDetails;
import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.evidence.EvidenceExport;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.evidence.EvidenceKind;
import dev.aegis.evidence.EvidenceService;
import dev.aegis.evidence.EvidenceService.Download;
import dev.aegis.evidence.EvidenceService.Links;
import dev.aegis.evidence.EvidenceVersion;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evidence register over HTTP, with the same roles and rules as the screens. Changes carry the version they were
 * made against in {@code If-Match} (the {@code ETag} of the last read); a stale copy is refused with 409. A refused
 * upload answers 422 with the inspector's reason; a request larger than the server accepts answers 413.
 */
@RestController
@RequestMapping(path = "/api/v1/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Evidence", description = "The evidence register: files, links and records, versions, links, reviews")
class EvidenceController {

    private static final Map<String, String> SORTABLE = Map.of(
            "title",
            "title",
            "kind",
            "kind",
            "owner",
            "owner",
            "collectedOn",
            "collectedOn",
            "effectiveFrom",
            "effectiveFrom",
            "expiresOn",
            "expiresOn",
            "updatedAt",
            "updatedAt",
            "createdAt",
            "createdAt");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final EvidenceService service;
    private final EvidenceExport export;

    EvidenceController(EvidenceService service, EvidenceExport export) {
        this.service = service;
        this.export = export;
    }

    record EvidenceResponse(
            long id,
            long version,
            String title,
            String description,
            EvidenceKind kind,
            String owner,
            int currentVersion,
            LocalDate collectedOn,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            LocalDate expiresOn,
            String reviewedBy,
            Instant reviewedAt,
            String recordKey,
            String createdBy,
            Instant createdAt,
            Instant updatedAt,
            Links links) {
        static EvidenceResponse of(EvidenceItem i, Links links) {
            return new EvidenceResponse(
                    i.getId(),
                    i.getVersion(),
                    i.getTitle(),
                    i.getDescription(),
                    i.getKind(),
                    i.getOwner(),
                    i.getCurrentVersion(),
                    i.getCollectedOn(),
                    i.getEffectiveFrom(),
                    i.getEffectiveTo(),
                    i.getExpiresOn(),
                    i.getReviewedBy(),
                    i.getReviewedAt(),
                    i.getRecordKey(),
                    i.getCreatedBy(),
                    i.getCreatedAt(),
                    i.getUpdatedAt(),
                    links);
        }
    }

    record VersionResponse(
            int number,
            String fileName,
            String mediaType,
            Long size,
            String sha256,
            String url,
            LocalDate collectedOn,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            LocalDate expiresOn,
            String reviewedBy,
            Instant reviewedAt,
            String createdBy,
            Instant createdAt,
            String content) {
        static VersionResponse of(EvidenceVersion v) {
            return new VersionResponse(
                    v.getNumber(),
                    v.getFileName(),
                    v.getMediaType(),
                    v.getSize(),
                    v.getSha256(),
                    v.getUrl(),
                    v.getCollectedOn(),
                    v.getEffectiveFrom(),
                    v.getEffectiveTo(),
                    v.getExpiresOn(),
                    v.getReviewedBy(),
                    v.getReviewedAt(),
                    v.getCreatedBy(),
                    v.getCreatedAt(),
                    v.hasContent()
                            ? "/api/v1/evidence/" + v.getItemId() + "/versions/" + v.getNumber() + "/content"
                            : null);
        }
    }

    /** A link item: its details and its address. */
    record NewLink(
            @NotNull(message = "Give the details.") @Valid EvidenceDetails details,

            @NotBlank(message = "Give the address of the evidence (http or https).")
            String url) {}

    /** A new version of a link item: its address and the dates of the new evidence. */
    record NewLinkVersion(
            @NotBlank(message = "Give the new address (http or https).")
            String url,

            Dates dates) {}

    @GetMapping
    @Operation(
            summary =
                    "Evidence, filtered (text, kind, linked to control, linked to system, expiring), sorted (title, "
                            + "kind, owner, collectedOn, effectiveFrom, expiresOn, createdAt, updatedAt) and paged by the database")
    PageResponse<EvidenceResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) EvidenceKind kind,
            @RequestParam(required = false) Long control,
            @RequestParam(required = false) Long system,
            @RequestParam(defaultValue = "false") boolean expiring,
            @RequestParam(defaultValue = "title") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @Valid PageParams paging) {
        String property = SORTABLE.get(sort);
        if (property == null) {
            throw new DomainRuleException("sort", "sort is one of " + SORTABLE.keySet());
        }
        var dir = "desc".equalsIgnoreCase(direction) ? Sort.Direction.DESC : Sort.Direction.ASC;
        var request = PageRequest.of(
                paging.number(),
                paging.count(),
                Sort.by(new Sort.Order(dir, property).nullsLast()).and(Sort.by("id")));
        var found = service.search(new EvidenceService.Filter(q, kind, control, system, expiring), request);
        return PageResponse.of(found.map(i -> EvidenceResponse.of(i, service.links(i.getId()))));
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "The register (with the list's filters) as CSV or XLSX (format=csv|xlsx); recorded in the "
                    + "audit log")
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) EvidenceKind kind,
            @RequestParam(required = false) Long control,
            @RequestParam(required = false) Long system,
            @RequestParam(defaultValue = "false") boolean expiring,
            HttpServletResponse response)
            throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aegis-evidence-" + LocalDate.now() + "." + f.extension() + "\"");
        export.export(new EvidenceService.Filter(q, kind, control, system, expiring), f, response.getOutputStream());
        response.flushBuffer();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary =
                    "Add a file as new evidence: part 'metadata' (JSON details with links) and part 'file'; "
                            + "422 when the inspector refuses the file (too large, empty, a type not accepted), with the reason")
    ResponseEntity<EvidenceResponse> addFile(
            @Valid @RequestPart("metadata") EvidenceDetails details, @RequestPart("file") MultipartFile file) {
        EvidenceItem item = service.addFile(details, file.getOriginalFilename(), stream(file));
        return created(item);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a link to evidence kept elsewhere: {details, url}")
    ResponseEntity<EvidenceResponse> addLink(@Valid @RequestBody NewLink request) {
        return created(service.addLink(request.details(), request.url()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One evidence item with its links; its ETag is the version to send back in If-Match")
    ResponseEntity<EvidenceResponse> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change title, description, owner, the current version's dates and the links; If-Match")
    ResponseEntity<EvidenceResponse> update(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody EvidenceDetails details) {
        return ok(service.update(id, Versions.fromIfMatch(ifMatch), details));
    }

    @PutMapping(path = "/{id}/links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link the item to exactly these controls, requirements and AI systems; If-Match")
    ResponseEntity<EvidenceResponse> link(
            @PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody Links links) {
        return ok(service.link(id, Versions.fromIfMatch(ifMatch), links));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove an item with its versions (governance officers, administrators); If-Match")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        service.remove(id, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The item's versions, newest first, each with its SHA-256 and where to download it")
    List<VersionResponse> versions(@PathVariable long id) {
        return service.versions(id).stream().map(VersionResponse::of).toList();
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a new file as version n+1 of a file item: part 'file' and optional part 'dates' "
                    + "(JSON collectedOn, effectiveFrom, effectiveTo, expiresOn); If-Match carries the item's version")
    ResponseEntity<VersionResponse> addFileVersion(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestPart("file") MultipartFile file,
            @RequestPart(name = "dates", required = false) Dates dates) {
        EvidenceVersion v = service.addFileVersion(
                id, Versions.fromIfMatch(ifMatch), dates, file.getOriginalFilename(), stream(file));
        return createdVersion(id, v);
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A new address as version n+1 of a link item: {url, dates}; If-Match")
    ResponseEntity<VersionResponse> addLinkVersion(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody NewLinkVersion request) {
        return createdVersion(
                id, service.addLinkVersion(id, Versions.fromIfMatch(ifMatch), request.dates(), request.url()));
    }

    @GetMapping(path = "/{id}/versions/{number}/content", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a version's file (or a record's JSON) as stored; the download is in the audit log")
    ResponseEntity<InputStreamResource> content(@PathVariable long id, @PathVariable int number) {
        Download d = service.download(id, number);
        return ResponseEntity.ok()
                .contentType(
                        MediaType.parseMediaType(d.mediaType() == null ? "application/octet-stream" : d.mediaType()))
                .contentLength(d.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(
                                        d.fileName() == null ? "evidence-" + id + "-v" + number : d.fileName(),
                                        StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(
                        "Digest",
                        "sha-256="
                                + java.util.Base64.getEncoder()
                                        .encodeToString(java.util.HexFormat.of().parseHex(d.sha256())))
                .eTag("\"" + d.sha256() + "\"")
                .body(new InputStreamResource(d.content()));
    }

    @PostMapping("/{id}/review")
    @Operation(
            summary = "Sign off the current version as reviewed (governance officers, administrators; not the "
                    + "owner); If-Match")
    ResponseEntity<EvidenceResponse> review(
            @PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.review(id, Versions.fromIfMatch(ifMatch)));
    }

    private static java.io.InputStream stream(MultipartFile file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }

    private ResponseEntity<EvidenceResponse> created(EvidenceItem item) {
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + item.getId()))
                .eTag(Versions.etag(item.getVersion()))
                .body(EvidenceResponse.of(item, service.links(item.getId())));
    }

    private ResponseEntity<VersionResponse> createdVersion(long id, EvidenceVersion v) {
        EvidenceItem item = service.get(id);
        return ResponseEntity.created(URI.create("/api/v1/evidence/" + id + "/versions/" + v.getNumber()))
                .eTag(Versions.etag(item.getVersion()))
                .body(VersionResponse.of(v));
    }

    private ResponseEntity<EvidenceResponse> ok(EvidenceItem item) {
        return ResponseEntity.ok()
                .eTag(Versions.etag(item.getVersion()))
                .body(EvidenceResponse.of(item, service.links(item.getId())));
    }
}
