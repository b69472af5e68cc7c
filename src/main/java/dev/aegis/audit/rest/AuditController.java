package dev.aegis.audit.rest;

import dev.aegis.audit.AuditEntry;
import dev.aegis.audit.AuditLog;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit log", description = "The tamper-evident audit log (ADMIN and AUDITOR)")
class AuditController {

    private final AuditLog log;
    private final dev.aegis.audit.AuditCheckpoints checkpoints;

    AuditController(AuditLog log, dev.aegis.audit.AuditCheckpoints checkpoints) {
        this.log = log;
        this.checkpoints = checkpoints;
    }

    record EntryResponse(
            long id,
            Instant occurredAt,
            String actor,
            String objectType,
            String objectId,
            String action,
            String changes,
            String prevHash,
            String hash) {
        static EntryResponse of(AuditEntry e) {
            return new EntryResponse(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getActor(),
                    e.getObjectType(),
                    e.getObjectId(),
                    e.getAction(),
                    e.getChanges(),
                    e.getPrevHash(),
                    e.getHash());
        }
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the hash chain and name the first broken entry, if any")
    AuditLog.Verification verify() {
        return log.verify();
    }

    @org.springframework.web.bind.annotation.PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Check a signed checkpoint handed over earlier (a pack's audit-checkpoint.json, sent as the body) "
                            + "against the log as it stands")
    AuditLog.CheckpointCheck check(@org.springframework.web.bind.annotation.RequestBody String checkpointJson) {
        return log.check(checkpointJson);
    }

    record CheckpointResponse(
            long id,
            long sequence,
            long entries,
            String hash,
            Instant signedAt,
            String reason,
            String keyFingerprint) {}

    @GetMapping("/checkpoints")
    @Operation(summary = "The signed checkpoints of the chain's head, oldest first")
    java.util.List<CheckpointResponse> checkpoints() {
        return checkpoints.all().stream()
                .map(c -> new CheckpointResponse(
                        c.id(),
                        c.sequence(),
                        c.entries(),
                        c.hash(),
                        c.signedAt(),
                        c.reason().name(),
                        c.keyFingerprint()))
                .toList();
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "Export the matching entries as CSV (all) or PDF (an excerpt with the chain's verification)")
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            HttpServletResponse response)
            throws java.io.IOException {
        var filter = new AuditLog.Filter(actor, objectType, objectId, action, from, to);
        if ("pdf".equalsIgnoreCase(format)) {
            response.setContentType(MediaType.APPLICATION_PDF_VALUE);
            response.setHeader("Content-Disposition", "attachment; filename=\"aegis-audit.pdf\"");
            log.exportPdf(filter, response.getOutputStream());
        } else if ("csv".equalsIgnoreCase(format)) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"aegis-audit.csv\"");
            log.exportCsv(
                    filter,
                    new java.io.OutputStreamWriter(
                            response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8));
        } else {
            throw new dev.aegis.shared.DomainRuleException("format", "format is csv or pdf");
        }
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first, filtered and paged")
    PageResponse<EntryResponse> list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Valid PageParams paging) {
        var filter = new AuditLog.Filter(actor, objectType, objectId, action, from, to);
        var pageable = PageRequest.of(paging.number(), paging.count(), Sort.by(Sort.Direction.DESC, "id"));
        return PageResponse.of(log.search(filter, pageable).map(EntryResponse::of));
    }
}
