package dev.aegis.security.rest;

import dev.aegis.security.ApiToken;
import dev.aegis.security.ApiTokenService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own personal API tokens. */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API tokens", description = "Your own personal API tokens: list, create (the token is shown once), revoke")
class ApiTokenController {

    /** Without an expiry date, a token made through the API lives as long as one made on the account screen. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    private final ApiTokenService tokens;
    private final Clock clock;

    ApiTokenController(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record CreateTokenRequest(
            @NotBlank @Size(max = 100) String name, @Future Instant expiresAt) {}

    record TokenResponse(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String status) {}

    /** The only response that ever carries the token itself. */
    record IssuedTokenResponse(long id, String name, String token, Instant expiresAt) {}

    @GetMapping
    @Operation(summary = "Your tokens, newest first (never the token values)")
    List<TokenResponse> mine() {
        Instant now = clock.instant();
        return tokens.mine().stream().map(t -> response(t, now)).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a token; the response holds the token once, copy it now",
            description = "expiresAt is optional; without it the token expires after 90 days.")
    IssuedTokenResponse create(@Valid @RequestBody CreateTokenRequest request) {
        Instant expiresAt = request.expiresAt() != null
                ? request.expiresAt()
                : clock.instant().plus(DEFAULT_LIFETIME);
        ApiTokenService.IssuedToken issued = tokens.create(request.name(), expiresAt);
        return new IssuedTokenResponse(issued.id(), issued.name(), issued.token(), issued.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token of yours (an ADMIN may revoke anyone's); whatever still uses it gets 401")
    void revoke(@PathVariable long id) {
        tokens.revoke(id);
    }

    private static TokenResponse response(ApiToken t, Instant now) {
        String status = t.getRevokedAt() != null ? "REVOKED" : t.isUsableAt(now) ? "ACTIVE" : "EXPIRED";
        return new TokenResponse(
                t.getId(),
                t.getName(),
                t.getPrefix(),
                t.getCreatedAt(),
                t.getExpiresAt(),
                t.getLastUsedAt(),
                t.getRevokedAt(),
                status);
    }
}
