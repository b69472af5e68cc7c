package dev.aegis.risk.rest;

import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskTransfer;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.ImportAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The risk register as a CSV or XLSX file. Export takes the list's filters; import takes the file as a multipart
 * {@code file} part or as the raw body, answers 422 with every problem by row and column when any row is wrong, and
 * with {@code preview=true} only says what it would do.
 */
@RestController
@RequestMapping("/api/v1/risks")
@Tag(name = "Risks", description = "The risk register")
class RiskFileController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final RiskTransfer transfer;

    RiskFileController(RiskTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "Every risk matching the filters (as GET /api/v1/risks) as CSV or XLSX (format=csv|xlsx); "
                    + "recorded in the audit log")
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) EuAiActTier tier,
            @RequestParam(required = false) Long requirement,
            @RequestParam(required = false) Long system,
            HttpServletResponse response)
            throws IOException {
        TabularFormat type = TabularFormat.of(format);
        response.setContentType(type == TabularFormat.CSV ? "text/csv;charset=UTF-8" : type.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aegis-risks-" + LocalDate.now() + "." + type.extension() + "\"");
        transfer.export(
                new RiskService.Filter(q, status, owner, category, tier, requirement, system),
                type,
                response.getOutputStream());
        response.flushBuffer();
    }

    @PostMapping(
            path = "/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Import a CSV or XLSX file (part 'file'): rows without id raise risks, rows with id and version "
                            + "change them; 422 lists every problem by row and column and nothing is written; preview=true writes nothing")
    ResponseEntity<?> importMultipart(
            @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean preview)
            throws IOException {
        return ImportAnswers.of(transfer.importFile(file.getBytes(), !preview));
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a CSV or XLSX file sent as the body; as the multipart variant")
    ResponseEntity<?> importBody(@RequestBody byte[] body, @RequestParam(defaultValue = "false") boolean preview) {
        return ImportAnswers.of(transfer.importFile(body, !preview));
    }
}
