package dev.aegis.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.login.LoginI18n;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class LoginViewTest {

    @Test
    void a_refused_single_sign_on_shows_the_reason() {
        String reason = "Your account at the identity provider has no Aegis role.";
        LoginI18n texts =
                LoginView.texts(new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null)));

        assertThat(texts.getErrorMessage().getTitle()).isEqualTo("Single sign-on did not sign you in");
        assertThat(texts.getErrorMessage().getMessage()).isEqualTo(reason);
    }

    @Test
    void a_provider_error_without_a_description_still_explains_itself() {
        LoginI18n texts = LoginView.texts(new OAuth2AuthenticationException("server_error"));

        assertThat(texts.getErrorMessage().getMessage()).contains("identity provider");
    }
}
