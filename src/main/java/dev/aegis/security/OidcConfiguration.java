package dev.aegis.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OpenID Connect beans, present only with AEGIS_OIDC_ENABLED=true. The client registration is built here from the
 * issuer rather than from {@code spring.security.oauth2.client.registration.*}, whose validation fails when the
 * variables are empty, as they are whenever single sign-on is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aegis.oidc.enabled")
@EnableConfigurationProperties(OidcSettings.class)
class OidcConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OidcConfiguration.class);

    @Bean
    OidcClaims oidcClaims(OidcSettings settings) {
        return OidcClaims.of(settings);
    }

    @Bean
    ClientRegistrationRepository clientRegistrations(OidcSettings settings) {
        log.info(
                "OpenID Connect sign-in is on: issuer {}, client {}, roles from claim '{}'",
                settings.issuerUri(),
                settings.clientId(),
                settings.rolesClaim());
        return new DiscoveredClientRegistration(settings);
    }

    /**
     * Aegis needs the provider's tokens only while signing someone in; kept in the session they go with it, where
     * Boot's default would keep every user's tokens in memory for as long as Aegis runs.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OidcUserProvisioning oidcUserProvisioning(
            OidcClaims claims,
            UserAccounts users,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        return new OidcUserProvisioning(claims, users, tx, events, clock);
    }

    /**
     * Reads the provider's discovery document at the first sign-in through it rather than at start-up: while the
     * provider is unreachable Aegis still starts and administrators can still sign in with a password. A failed
     * discovery is tried again at the next sign-in.
     */
    static final class DiscoveredClientRegistration implements ClientRegistrationRepository {

        private final OidcSettings settings;
        private volatile ClientRegistration registration;

        DiscoveredClientRegistration(OidcSettings settings) {
            this.settings = settings;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!OidcSignIn.REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration found = registration;
            if (found == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = discover();
                    }
                    found = registration;
                }
            }
            return found;
        }

        private ClientRegistration discover() {
            try {
                return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                        .registrationId(OidcSignIn.REGISTRATION_ID)
                        .clientId(settings.clientId())
                        .clientSecret(settings.clientSecret())
                        .clientAuthenticationMethod(
                                settings.publicClient()
                                        ? ClientAuthenticationMethod.NONE
                                        : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .scope(settings.scopes())
                        .build();
            } catch (RuntimeException e) {
                log.error(
                        "Cannot read the OpenID Connect discovery document of {} (AEGIS_OIDC_ISSUER_URI): {}",
                        settings.issuerUri(),
                        e.getMessage());
                throw e;
            }
        }
    }
}
