package dev.aegis.monitor.rest;

import dev.aegis.monitor.ScrapeService;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Prometheus endpoints of external model servers whose traffic becomes the deployment's windows. */
@RestController
@RequestMapping(path = "/monitor/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: scrape targets")
@WhenMonitorEnabled
class ScrapeTargetController {

    private final ScrapeService scrapes;

    ScrapeTargetController(ScrapeService scrapes) {
        this.scrapes = scrapes;
    }

    /**
     * {@code latencyMetric} is a histogram's base name ({@code <name>_bucket} is read); {@code latencyInSeconds}
     * false when its buckets are in milliseconds.
     */
    record TargetBody(
            String url, String requestsMetric, String errorsMetric, String latencyMetric, Boolean latencyInSeconds) {}

    @GetMapping("/deployments/{name}/scrape-targets")
    List<ScrapeService.Target> list(@PathVariable String name) {
        return scrapes.targets(name);
    }

    @PostMapping(path = "/deployments/{name}/scrape-targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Scrape a model server's Prometheus metrics every 15 s into this deployment's windows")
    ResponseEntity<ScrapeService.Target> add(@PathVariable String name, @RequestBody TargetBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(scrapes.add(
                        name,
                        body.url(),
                        body.requestsMetric(),
                        body.errorsMetric(),
                        body.latencyMetric(),
                        body.latencyInSeconds() == null || body.latencyInSeconds()));
    }

    @DeleteMapping("/scrape-targets/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        scrapes.remove(id);
        return ResponseEntity.noContent().build();
    }
}
