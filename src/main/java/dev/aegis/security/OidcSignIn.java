package dev.aegis.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Sign-in through an external OpenID Connect provider (Keycloak, Entra ID, Okta), configured by environment and off
 * by default.
 */
@Component
public class OidcSignIn {

    public static final String REGISTRATION_ID = "oidc";
    private final boolean enabled;
    private final String buttonLabel;

    OidcSignIn(@Value("${aegis.oidc.enabled:false}") boolean enabled,
            @Value("${aegis.oidc.button-label:Sign in with single sign-on}") String buttonLabel) {
        this.enabled = enabled;
        this.buttonLabel = buttonLabel;
    }

    public boolean enabled() {
        return enabled;
    }

    public String buttonLabel() {
        return buttonLabel;
    }

    public String startPath() {
        return "oauth2/authorization/" + REGISTRATION_ID;
    }

    void configure(HttpSecurity http) throws Exception {
        // wired up by the OpenID Connect work: see OidcConfiguration
    }
}
