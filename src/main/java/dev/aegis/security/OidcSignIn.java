package dev.aegis.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * Sign-in through an external OpenID Connect provider (Keycloak, Entra ID, Okta), configured by environment and off
 * by default. When off, the UI chain gets no OAuth 2 filters at all; the beans it needs when on live in
 * {@link OidcConfiguration}.
 */
@Component
public class OidcSignIn {

    public static final String REGISTRATION_ID = "oidc";
    private static final String LOGIN_PATH = "/login";
    private final boolean enabled;
    private final String buttonLabel;
    private final ObjectProvider<OidcUserProvisioning> provisioning;

    OidcSignIn(
            @Value("${aegis.oidc.enabled:false}") boolean enabled,
            @Value("${aegis.oidc.button-label:Sign in with single sign-on}") String buttonLabel,
            ObjectProvider<OidcUserProvisioning> provisioning) {
        this.enabled = enabled;
        this.buttonLabel = buttonLabel == null || buttonLabel.isBlank() ? "Sign in with single sign-on" : buttonLabel;
        this.provisioning = provisioning;
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
        if (!enabled) {
            return;
        }
        http.oauth2Login(login -> login
                // without a login page of its own Spring would send everyone straight to the provider, and
                // password sign-in (the way in for the first administrator) would be out of reach
                .loginPage(LOGIN_PATH)
                .failureUrl(LOGIN_PATH + "?error")
                .defaultSuccessUrl("/")
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(provisioning.getObject())));
    }
}
