package dev.aegis.inventory.rest;

import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.AiSystemTransfer;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.shared.tabular.ImportReport;
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
 * The inventory as a CSV or XLSX file. Export takes the list's filters; import takes the file as a multipart
 * {@code file} part or as the raw body, answers 422 with every problem by row and column when any row is wrong, and
 * with {@code preview=true} only says what it would do.
 */
@RestController
@RequestMapping("/api/v1/ai-systems")
@Tag(name = "AI systems", description = "The AI system inventory")
class AiSystemFileController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final AiSystemTransfer transfer;

    AiSystemFileController(AiSystemTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary =
                    "Every AI system matching the filters as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) EuAiActTier tier,
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) String owner,
            HttpServletResponse response)
            throws IOException {
        TabularFormat type = TabularFormat.of(format);
        response.setContentType(type == TabularFormat.CSV ? "text/csv;charset=UTF-8" : type.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aegis-ai-systems-" + LocalDate.now() + "." + type.extension() + "\"");
        transfer.export(new AiSystemService.Filter(q, stage, tier, status, owner), type, response.getOutputStream());
        response.flushBuffer();
    }

    @PostMapping(
            path = "/import",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a CSV or XLSX file (part 'file'); 422 lists every problem; preview=true writes nothing")
    ResponseEntity<?> importMultipart(
            @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean preview)
            throws IOException {
        return answer(transfer.importFile(file.getBytes(), !preview));
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a CSV or XLSX file sent as the body; as the multipart variant")
    ResponseEntity<?> importBody(@RequestBody byte[] body, @RequestParam(defaultValue = "false") boolean preview) {
        return answer(transfer.importFile(body, !preview));
    }

    private static ResponseEntity<?> answer(ImportReport report) {
        return ImportAnswers.of(report);
    }
}
