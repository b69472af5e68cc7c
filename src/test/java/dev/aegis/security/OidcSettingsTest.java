package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.support.TransactionTemplate;

class OidcSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(OidcConfiguration.class)
            .withBean(UserAccounts.class, () -> mock(UserAccounts.class))
            .withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void enabled_without_an_issuer_fails_start_up_naming_the_variable() {
        context.withPropertyValues("aegis.oidc.enabled=true", "aegis.oidc.client-id=aegis")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("AEGIS_OIDC_ISSUER_URI");
                });
    }

    @Test
    void enabled_without_a_client_id_fails_start_up_naming_the_variable() {
        context.withPropertyValues("aegis.oidc.enabled=true", "aegis.oidc.issuer-uri=https://idp.example.org")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("AEGIS_OIDC_CLIENT_ID"));
    }

    @Test
    void disabled_makes_no_oidc_beans_whatever_else_is_set() {
        context.withPropertyValues("aegis.oidc.enabled=false", "aegis.oidc.role-mapping=x=NOT_A_ROLE")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started).doesNotHaveBean(ClientRegistrationRepository.class);
                    assertThat(started).doesNotHaveBean(OidcUserProvisioning.class);
                });
    }

    @Test
    void enabled_and_complete_starts_without_reaching_the_provider() {
        // discovery waits for the first sign-in, so an unreachable provider does not stop Aegis
        context.withPropertyValues(
                        "aegis.oidc.enabled=true",
                        "aegis.oidc.issuer-uri=http://127.0.0.1:9/none",
                        "aegis.oidc.client-id=aegis")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started).hasSingleBean(ClientRegistrationRepository.class);
                });
    }

    @Test
    void openid_is_always_among_the_scopes() {
        OidcSettings settings = new OidcSettings(
                true,
                "https://idp.example.org",
                "aegis",
                "",
                List.of("profile", "email"),
                "preferred_username",
                "roles",
                "");

        assertThat(settings.scopes()).containsExactly("openid", "profile", "email");
        assertThat(settings.publicClient()).isTrue();
    }
}
