package dev.aegis.monitor.rest;

import dev.aegis.monitor.IngestResult;
import dev.aegis.monitor.IngestService;
import dev.aegis.monitor.LabelService;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prediction telemetry in: one event (a JSON object) or a batch (a JSON array), and late ground-truth labels. The
 * body is read as a stream, event by event. 202 means every accepted event is already in the database.
 */
@RestController
@RequestMapping(path = "/monitor/v1/deployments/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: ingestion")
@WhenMonitorEnabled
class IngestController {

    private final IngestService ingest;
    private final LabelService labels;

    IngestController(IngestService ingest, LabelService labels) {
        this.ingest = ingest;
        this.labels = labels;
    }

    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Take in prediction events (object or array; at most aegis.monitor.max-batch-events); "
                    + "?reference=<batch> stores them as a reference batch instead of live traffic. 202 with the counts and "
                    + "a reason per refused event; 429 with Retry-After when the monitor is busy")
    ResponseEntity<IngestResult> events(
            @PathVariable String name, @RequestParam(required = false) String reference, HttpServletRequest request)
            throws IOException {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ingest.ingest(name, request.getInputStream(), reference));
    }

    @PostMapping(path = "/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ground-truth labels that arrive later, by request id: {\"requestId\", \"label\"} or an array")
    ResponseEntity<IngestResult> labels(@PathVariable String name, HttpServletRequest request) throws IOException {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(labels.ingest(name, request.getInputStream()));
    }
}
