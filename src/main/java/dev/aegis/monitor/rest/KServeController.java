package dev.aegis.monitor.rest;

import dev.aegis.monitor.KServeIngestion;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KServe's inference logger points here ({@code logger.url}): CloudEvents in binary mode, a request and a response per
 * call, paired by {@code ce-id}. 202 once the event is in the database (kept waiting for its partner, or paired and
 * taken in as prediction events).
 */
@RestController
@RequestMapping(path = "/monitor/v1/kserve", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: ingestion")
@WhenMonitorEnabled
class KServeController {

    private final KServeIngestion kserve;
    private final String deploymentHeader;

    KServeController(
            KServeIngestion kserve,
            @Value("${aegis.monitor.kserve.deployment-header:ce-inferenceservicename}") String deploymentHeader) {
        this.kserve = kserve;
        this.deploymentHeader = deploymentHeader;
    }

    @PostMapping
    @Operation(
            summary =
                    "KServe inference logger (CloudEvents, binary mode): ce-id pairs the request "
                            + "(ce-type org.kubeflow.serving.inference.request) with its response (...inference.response); v1 "
                            + "instances/predictions or v2 inputs/outputs tensors become prediction events of the deployment "
                            + "named by ce-inferenceservicename (or ?deployment=). 202: kept waiting for its partner, or paired")
    ResponseEntity<Map<String, Object>> event(
            @RequestHeader("ce-id") String id,
            @RequestHeader("ce-type") String type,
            @RequestParam(required = false) String deployment,
            HttpServletRequest request)
            throws IOException {
        var event = new KServeIngestion.CloudEvent(
                id,
                type,
                request.getHeader("ce-source"),
                request.getHeader("ce-time"),
                deployment != null && !deployment.isBlank() ? deployment : request.getHeader(deploymentHeader),
                request.getContentType());
        var outcome = kserve.receive(
                event,
                dev.aegis.monitor.OtlpBody.open(request.getInputStream(), null).readAllBytes());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("paired", !outcome.waiting());
        answer.put("accepted", outcome.result().accepted());
        answer.put("rejected", outcome.result().rejected());
        answer.put("rejections", outcome.result().rejections());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }
}
