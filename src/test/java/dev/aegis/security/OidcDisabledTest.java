package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/** Single sign-on is off unless switched on, and then Aegis carries none of it. */
@AegisTest
class OidcDisabledTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    OidcSignIn oidc;

    @Test
    void without_configuration_there_are_no_oauth2_beans_or_filters() {
        assertThat(oidc.enabled()).isFalse();
        assertThat(context.getBeanNamesForType(ClientRegistrationRepository.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(OidcUserProvisioning.class)).isEmpty();
        assertThat(chains)
                .flatMap(SecurityFilterChain::getFilters)
                .noneMatch(filter -> filter.getClass().getName().contains("OAuth2"));
    }
}
