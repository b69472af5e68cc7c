package dev.aegis.security;

import dev.aegis.shared.AuditableEvent;
import java.time.Instant;
import java.util.Map;

/** The security facts Aegis announces; the audit log records every one. */
public final class SecurityEvents {

    private SecurityEvents() {}

    public record SignInSucceeded(String username, String method) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "SIGN_IN";
        }

        public String actor() {
            return username;
        }

        public Map<String, Object> details() {
            return Map.of("method", method);
        }
    }

    public record SignInFailed(String username, String reason) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "SIGN_IN_FAILED";
        }

        public String actor() {
            return username == null || username.isBlank() ? "anonymous" : username;
        }

        public Map<String, Object> details() {
            return Map.of("reason", reason);
        }
    }

    public record AccountLockedOut(String username, Instant until) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "LOCKED_OUT";
        }

        public String actor() {
            return username;
        }

        public Map<String, Object> details() {
            return Map.of("lockedUntil", until);
        }
    }

    public record SignedOut(String username) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "SIGN_OUT";
        }

        public String actor() {
            return username;
        }
    }

    public record UserCreated(String username, String roles) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "CREATE";
        }

        public Map<String, Object> details() {
            return Map.of("roles", roles);
        }
    }

    public record RolesChanged(String username, String before, String after) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "ROLES_CHANGED";
        }

        public Map<String, Object> details() {
            return Map.of("roles", Map.of("before", before, "after", after));
        }
    }

    public record UserDeactivated(String username) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "DEACTIVATE";
        }
    }

    public record UserActivated(String username) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "ACTIVATE";
        }
    }

    public record PasswordChanged(String username, boolean byAdministrator) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return byAdministrator ? "PASSWORD_RESET" : "PASSWORD_CHANGED";
        }
    }

    public record TwoFactorEnabled(String username) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "TWO_FACTOR_ENABLED";
        }
    }

    public record TwoFactorReset(String username) implements AuditableEvent {
        public String objectType() {
            return "User";
        }

        public String objectId() {
            return username;
        }

        public String action() {
            return "TWO_FACTOR_RESET";
        }
    }

    public record TwoFactorPolicyChanged(Role role, boolean required) implements AuditableEvent {
        public String objectType() {
            return "RolePolicy";
        }

        public String objectId() {
            return role.name();
        }

        public String action() {
            return "UPDATE";
        }

        public Map<String, Object> details() {
            return Map.of("totpRequired", required);
        }
    }

    public record ApiTokenCreated(long tokenId, String owner, String name, Instant expiresAt)
            implements AuditableEvent {
        public String objectType() {
            return "ApiToken";
        }

        public String objectId() {
            return String.valueOf(tokenId);
        }

        public String action() {
            return "TOKEN_CREATED";
        }

        public Map<String, Object> details() {
            return Map.of("owner", owner, "name", name, "expiresAt", expiresAt == null ? "never" : expiresAt);
        }
    }

    public record ApiTokenRevoked(long tokenId, String owner, String name) implements AuditableEvent {
        public String objectType() {
            return "ApiToken";
        }

        public String objectId() {
            return String.valueOf(tokenId);
        }

        public String action() {
            return "TOKEN_REVOKED";
        }

        public Map<String, Object> details() {
            return Map.of("owner", owner, "name", name);
        }
    }
}
