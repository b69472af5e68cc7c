package dev.aegis.evidence.pack.rest;

import dev.aegis.evidence.pack.ReportService;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports over HTTP: the risk register and AI system profile PDFs, and OSCAL assessment results. All audited. */
@RestController
@Tag(name = "Reports", description = "Risk register and AI system profile PDFs, OSCAL assessment results")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/reports/risk-register.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The risk register as PDF; the filters of GET /api/v1/risks")
    void riskRegister(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) EuAiActTier tier,
            @RequestParam(required = false) Long requirement,
            @RequestParam(required = false) Long system,
            HttpServletResponse response)
            throws IOException {
        send(
                response,
                MediaType.APPLICATION_PDF_VALUE,
                "risk-register.pdf",
                out -> reports.riskRegister(
                        new RiskService.Filter(q, status, owner, category, tier, requirement, system), out));
    }

    @GetMapping(path = "/api/v1/systems/{id}/profile.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A model-card-like profile of one AI system as PDF")
    void profile(@PathVariable long id, HttpServletResponse response) throws IOException {
        send(
                response,
                MediaType.APPLICATION_PDF_VALUE,
                "system-" + id + "-profile.pdf",
                out -> reports.systemProfile(id, out));
    }

    @GetMapping(path = "/api/v1/oscal/assessment-results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OSCAL 1.2.1 assessment results for a framework and scope (systems empty: all), as of a date")
    void oscal(
            @RequestParam String framework,
            @RequestParam(required = false) List<Long> systems,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            HttpServletResponse response)
            throws IOException {
        send(
                response,
                MediaType.APPLICATION_JSON_VALUE,
                "assessment-results.json",
                out -> reports.oscal(framework, systems, asOf, out));
    }

    /** Renders first, so a refused request still gets its problem details, then sends. */
    private static void send(
            HttpServletResponse response,
            String type,
            String fileName,
            java.util.function.Consumer<java.io.OutputStream> writer)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        response.setContentLength(out.size());
        out.writeTo(response.getOutputStream());
    }
}
