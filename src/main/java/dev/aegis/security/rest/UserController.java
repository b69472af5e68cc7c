package dev.aegis.security.rest;

import dev.aegis.security.Role;
import dev.aegis.security.UserAccount;
import dev.aegis.security.UserService;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration over HTTP, for ADMIN only (the API chain refuses other roles before a body is read, and
 * {@link UserService} checks again).
 */
@RestController
@RequestMapping(path = "/api/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users", description = "User administration (ADMIN)")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    record CreateUserRequest(
            @NotNull
            @Pattern(
                    regexp = "[A-Za-z0-9._@-]{3,100}",
                    message = "a user name has 3 to 100 letters, digits, dots, dashes, underscores or @")
            String username,

            @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email,
            @NotEmpty Set<@NotNull Role> roles) {}

    record RolesRequest(@NotEmpty Set<@NotNull Role> roles) {}

    record UserResponse(
            long id,
            String username,
            String displayName,
            String email,
            Set<Role> roles,
            String source,
            boolean active,
            Instant lockedUntil,
            boolean twoFactor,
            boolean mustChangePassword,
            Instant lastSignInAt,
            Instant createdAt) {
        static UserResponse of(UserAccount u) {
            return new UserResponse(
                    u.getId(),
                    u.getUsername(),
                    u.getDisplayName(),
                    u.getEmail(),
                    u.getRoles(),
                    u.getSource().name(),
                    u.isEnabled(),
                    u.getLockedUntil(),
                    u.isTotpEnabled(),
                    u.isMustChangePassword(),
                    u.getLastSignInAt(),
                    u.getCreatedAt());
        }
    }

    /** The only response that ever carries the password: it must be passed on to the person and changed by them. */
    record CreatedUserResponse(String username, String oneTimePassword, boolean mustChangeAtFirstSignIn) {}

    @GetMapping
    @Operation(summary = "Users whose user name or display name contains q, by user name, paged")
    PageResponse<UserResponse> list(@RequestParam(defaultValue = "") String q, @Valid PageParams paging) {
        var pageable = PageRequest.of(paging.number(), paging.count(), Sort.by("username"));
        return PageResponse.of(users.search(q, pageable).map(UserResponse::of));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a local user; the response holds the one-time password, shown only this once")
    CreatedUserResponse create(@Valid @RequestBody CreateUserRequest request) {
        UserService.OneTimePassword otp = users.create(
                new UserService.NewUser(request.username(), request.displayName(), request.email(), request.roles()));
        return new CreatedUserResponse(otp.username(), otp.password(), true);
    }

    @PutMapping(path = "/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Replace a user's roles (Aegis keeps at least one active administrator)")
    void assignRoles(@PathVariable long id, @Valid @RequestBody RolesRequest request) {
        users.assignRoles(id, request.roles());
    }
}
