package dev.aegis.monitor.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.aegis.monitor.MonitorTokenService;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
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

/**
 * Monitor tokens, managed by an Aegis administrator with a personal API token (on Aegis's /api chain, not the
 * monitor's own): a monitor token cannot make more monitor tokens.
 */
@RestController
@RequestMapping(path = "/api/v1/monitor/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: tokens")
@WhenMonitorEnabled
class MonitorTokenController {

    private final MonitorTokenService tokens;

    MonitorTokenController(MonitorTokenService tokens) {
        this.tokens = tokens;
    }

    record NewToken(@Schema(requiredMode = REQUIRED) String name) {}

    record TokenResponse(
            long id,
            String name,
            String prefix,
            String createdBy,
            Instant createdAt,
            Instant revokedAt,
            Instant lastUsedAt) {}

    @GetMapping
    List<TokenResponse> list() {
        return tokens.list().stream()
                .map(t -> new TokenResponse(
                        t.getId(),
                        t.getName(),
                        t.getPrefix(),
                        t.getCreatedBy(),
                        t.getCreatedAt(),
                        t.getRevokedAt(),
                        t.getLastUsedAt()))
                .toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Make a monitor token (administrators); the token is in this answer only")
    ResponseEntity<MonitorTokenService.IssuedToken> create(@RequestBody NewToken body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(body.name()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
