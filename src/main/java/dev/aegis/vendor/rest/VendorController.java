package dev.aegis.vendor.rest;

import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorDetails;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor register over HTTP. Changes carry the version they were made against in {@code If-Match} (the
 * {@code ETag} of the last read), so a stale copy is refused with 409 instead of overwriting someone else's edit.
 */
@RestController
@RequestMapping(path = "/api/v1/vendors", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vendors", description = "The vendor register")
class VendorController {

    private static final List<String> SORTABLE =
            List.of("name", "criticality", "tier", "riskScore", "dpaStatus", "updatedAt");
    private final VendorService service;

    VendorController(VendorService service) {
        this.service = service;
    }

    record VendorResponse(
            long id,
            long version,
            Level tier,
            Integer riskScore,
            Instant createdAt,
            Instant updatedAt,
            VendorDetails details) {
        static VendorResponse of(Vendor v) {
            return new VendorResponse(
                    v.getId(),
                    v.getVersion(),
                    v.getTier(),
                    v.getRiskScore(),
                    v.getCreatedAt(),
                    v.getUpdatedAt(),
                    v.details());
        }
    }

    @GetMapping
    @Operation(
            summary = "Vendors, filtered (text, criticality, tier, DPA status, processing or storage country, "
                    + "dependent AI system), sorted and paged by the database")
    PageResponse<VendorResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Level criticality,
            @RequestParam(required = false) Level tier,
            @RequestParam(required = false) DpaStatus dpa,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) Long system,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @Valid PageParams paging) {
        if (!SORTABLE.contains(sort)) {
            throw new DomainRuleException("sort", "sort is one of " + SORTABLE);
        }
        var dir = "desc".equalsIgnoreCase(direction) ? Sort.Direction.DESC : Sort.Direction.ASC;
        var order = Sort.by(new Sort.Order(dir, sort).nullsLast()).and(Sort.by("id"));
        var request = PageRequest.of(paging.number(), paging.count(), order);
        var filter = new VendorService.Filter(q, criticality, tier, dpa, country, system);
        return PageResponse.of(service.search(filter, request).map(VendorResponse::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One vendor; its ETag is the version to send back in If-Match")
    ResponseEntity<VendorResponse> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a vendor (vendor managers, administrators)")
    ResponseEntity<VendorResponse> register(@Valid @RequestBody VendorDetails details) {
        Vendor vendor = service.register(details);
        return ResponseEntity.created(URI.create("/api/v1/vendors/" + vendor.getId()))
                .eTag(Versions.etag(vendor.getVersion()))
                .body(VendorResponse.of(vendor));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a vendor; If-Match carries the version it was read at (409 when stale)")
    ResponseEntity<VendorResponse> update(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody VendorDetails details) {
        return ok(service.update(id, Versions.fromIfMatch(ifMatch), details));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a vendor (vendor managers, administrators); If-Match as for changes")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        service.remove(id, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<VendorResponse> ok(Vendor vendor) {
        return ResponseEntity.ok().eTag(Versions.etag(vendor.getVersion())).body(VendorResponse.of(vendor));
    }
}
