package dev.aegis.monitor.rest;

import dev.aegis.monitor.RawTexts;
import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prompt and response text a deployment kept of its flagged calls, for the people who investigate them:
 * administrators and governance officers with a personal API token, on Aegis's /api chain. Not on the monitor's own
 * chain, whose tokens belong to machines (model servers, collectors) that send text and need not read anyone's back.
 * Every page read lands in the audit log.
 */
@RestController
@RequestMapping(path = "/api/v1/monitor/deployments/{name}/kept-texts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: kept text")
@WhenMonitorEnabled
class KeptTextController {

    private final RawTexts texts;

    KeptTextController(RawTexts texts) {
        this.texts = texts;
    }

    @GetMapping
    @Operation(
            summary = "The kept text of the deployment's flagged calls (injection attempts, personal data), newest"
                    + " first, with what flagged each (administrators and governance officers; audited)")
    PageResponse<RawTexts.Kept> list(@PathVariable String name, @Valid PageParams paging) {
        return PageResponse.of(texts.flagged(name, paging.request()));
    }
}
