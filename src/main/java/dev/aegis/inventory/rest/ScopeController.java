package dev.aegis.inventory.rest;

import dev.aegis.inventory.ScopeService;
import dev.aegis.inventory.ScopeService.Item;
import dev.aegis.inventory.ScopeService.Proposal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which framework requirements apply to an AI system: Aegis proposes from the record, officers decide. */
@RestController
@RequestMapping(path = "/api/v1/ai-systems/{id}/scope", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI system scope", description = "Requirements proposed for, confirmed for or excluded from an AI system")
class ScopeController {

    private final ScopeService scope;

    ScopeController(ScopeService scope) {
        this.scope = scope;
    }

    record ConfirmRequest(@NotNull List<Long> requirementIds) {}

    record ExcludeRequest(String justification) {}

    record Confirmed(int confirmed) {}

    @GetMapping
    @Operation(summary = "The system's scope: each requirement with its state and the reason Aegis proposed it")
    List<Item> scope(@PathVariable long id) {
        return scope.scope(id);
    }

    @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm requirements as in scope (governance officers, administrators)")
    Confirmed confirm(@PathVariable long id, @RequestBody ConfirmRequest request) {
        return new Confirmed(
                scope.confirm(id, request.requirementIds() == null ? List.of() : request.requirementIds()));
    }

    @PostMapping(path = "/{requirementId}/exclude", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Exclude a requirement with a justification (governance officers, administrators)")
    List<Item> exclude(@PathVariable long id, @PathVariable long requirementId, @RequestBody ExcludeRequest request) {
        scope.exclude(id, requirementId, request.justification());
        return scope.scope(id);
    }

    @PostMapping("/propose")
    @Operation(summary = "Propose the scope again from the record (governance officers, administrators)")
    Proposal propose(@PathVariable long id) {
        return scope.propose(id);
    }
}
