package dev.aegis.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code aegis.oidc.*} settings (AEGIS_OIDC_* in the environment), bound only when OpenID Connect sign-in is
 * enabled. A missing issuer or client id stops start-up with the name of the variable to set: better than a sign-in
 * button that fails for everyone.
 *
 * @param clientSecret blank for a public client, which then proves itself with PKCE alone
 * @param rolesClaim the claim that carries the person's groups or roles; a dotted path reaches into nested claims
 * @param roleMapping {@code claim-value=ROLE} pairs separated by commas
 */
@ConfigurationProperties("aegis.oidc")
record OidcSettings(
        boolean enabled,
        String issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("") String roleMapping) {

    OidcSettings {
        require(
                issuerUri,
                "AEGIS_OIDC_ISSUER_URI",
                "aegis.oidc.issuer-uri",
                "the identity provider's issuer URL, e.g. https://keycloak.example.org/realms/acme");
        require(clientId, "AEGIS_OIDC_CLIENT_ID", "aegis.oidc.client-id", "the client id registered for Aegis");
        require(usernameClaim, "AEGIS_OIDC_USERNAME_CLAIM", "aegis.oidc.username-claim", "e.g. preferred_username");
        require(rolesClaim, "AEGIS_OIDC_ROLES_CLAIM", "aegis.oidc.roles-claim", "e.g. roles or realm_access.roles");
        issuerUri = issuerUri.trim();
        clientId = clientId.trim();
        clientSecret = clientSecret == null ? "" : clientSecret.trim();
        usernameClaim = usernameClaim.trim();
        rolesClaim = rolesClaim.trim();
        roleMapping = roleMapping == null ? "" : roleMapping;
        scopes = withOpenId(scopes);
    }

    boolean publicClient() {
        return clientSecret.isEmpty();
    }

    /**
     * Without {@code openid} Spring takes the plain OAuth 2 path, which skips the ID token and Aegis's role mapping,
     * so it is always asked for.
     */
    private static List<String> withOpenId(List<String> scopes) {
        List<String> all = new ArrayList<>();
        all.add("openid");
        if (scopes != null) {
            scopes.stream()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty() && !all.contains(s))
                    .forEach(all::add);
        }
        return List.copyOf(all);
    }

    private static void require(String value, String variable, String property, String hint) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("AEGIS_OIDC_ENABLED is true but " + variable + " is not set (" + property
                    + "): set it to " + hint + ", or set AEGIS_OIDC_ENABLED=false.");
        }
    }
}
