package dev.aegis.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what Aegis needs from an identity provider's claims: the user name and the roles. Role names are compared
 * exactly, case included, so that a provider's own {@code admin} role never becomes Aegis's ADMIN by accident.
 */
final class OidcClaims {

    private final String usernameClaim;
    private final String rolesClaim;
    private final Map<String, Set<Role>> mapping;

    private OidcClaims(String usernameClaim, String rolesClaim, Map<String, Set<Role>> mapping) {
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
        this.mapping = mapping;
    }

    static OidcClaims of(OidcSettings settings) {
        return new OidcClaims(settings.usernameClaim(), settings.rolesClaim(), parseMapping(settings.roleMapping()));
    }

    static OidcClaims of(String usernameClaim, String rolesClaim, String roleMapping) {
        return new OidcClaims(usernameClaim, rolesClaim, parseMapping(roleMapping));
    }

    String usernameClaim() {
        return usernameClaim;
    }

    String rolesClaim() {
        return rolesClaim;
    }

    /** The user name, or null when the provider did not send one. */
    String username(Map<String, Object> claims) {
        return value(claims, usernameClaim) instanceof String s && !s.isBlank() ? s.trim() : null;
    }

    /** The Aegis roles the claim values map to: by the mapping, or because a value is a role's name. */
    Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(value(claims, rolesClaim))) {
            roles.addAll(mapping.getOrDefault(value, Set.of()));
            for (Role role : Role.values()) {
                if (role.name().equals(value)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    /**
     * A claim by its full name first (some providers name claims with dots, e.g. URLs), then as a dotted path into
     * nested claims, as Keycloak's {@code realm_access.roles}.
     */
    static Object value(Map<String, ?> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        return claim instanceof String one ? List.of(one) : List.of();
    }

    /**
     * {@code aegis-admins=ADMIN, auditors=AUDITOR}. An entry splits at its last '=', so claim values may contain '='
     * but not ','. One value may be listed several times to give several roles.
     */
    static Map<String, Set<Role>> parseMapping(String text) {
        Map<String, Set<Role>> mapping = new HashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            String value = eq < 0 ? "" : entry.substring(0, eq).trim();
            String roleName = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (value.isEmpty() || roleName.isEmpty()) {
                throw new IllegalStateException("AEGIS_OIDC_ROLE_MAPPING (aegis.oidc.role-mapping): '" + entry.trim()
                        + "' is not of the form claim-value=ROLE, e.g. aegis-admins=ADMIN.");
            }
            mapping.computeIfAbsent(value, v -> EnumSet.noneOf(Role.class)).add(role(roleName, entry));
        }
        return mapping;
    }

    private static Role role(String name, String entry) {
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new IllegalStateException("AEGIS_OIDC_ROLE_MAPPING (aegis.oidc.role-mapping): '" + name + "' in '"
                + entry.trim() + "' is not an Aegis role; use one of "
                + EnumSet.allOf(Role.class).stream().map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }
}
