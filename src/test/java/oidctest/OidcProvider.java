package oidctest;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in an application of its own, with one client
 * for Aegis, people who sign in with a form, and their roles in a Keycloak-shaped {@code realm_access.roles} claim
 * of the ID token.
 *
 * <p>It lives outside {@code dev.aegis} so that Aegis's component scan never finds it, and it is put together by hand
 * from a few auto-configurations: the classpath carries all of Aegis (JPA, Vaadin, ...), none of which belongs here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    PropertyPlaceholderAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class
})
@EnableWebSecurity
public class OidcProvider {

    public static final String CLIENT_ID = "aegis";
    public static final String CLIENT_SECRET = "aegis-client-secret-for-tests";
    public static final String PASSWORD = "provider-password";
    /**
     * Loopback redirect URIs match on any port (RFC 8252, section 7.3), so Aegis may start on a random port after the
     * client is registered.
     */
    public static final String REDIRECT_URI = "http://127.0.0.1/login/oauth2/code/oidc";

    /** Starts the provider on a random port of localhost. */
    public static Running start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OidcProvider.class)
                .main(OidcProvider.class)
                .properties(
                        "spring.config.name=oidc-provider", // not Aegis's application.yml
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "spring.jmx.enabled=false")
                .run();
        return new Running(context);
    }

    /** The running provider: its issuer, and the people it knows. */
    public static final class Running implements AutoCloseable {

        private final ConfigurableApplicationContext context;
        private final People people;

        Running(ConfigurableApplicationContext context) {
            this.context = context;
            this.people = context.getBean(People.class);
        }

        /** {@code localhost}, while tests reach Aegis at 127.0.0.1: browsers keep cookies per host, not per port. */
        public String issuer() {
            return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        }

        /** Adds someone who signs in with {@link #PASSWORD} and carries these values in realm_access.roles. */
        public void addPerson(String username, String name, String email, String... roles) {
            people.add(new Person(username, name, email, List.of(roles)));
        }

        public void changeRoles(String username, String... roles) {
            people.changeRoles(username, List.of(roles));
        }

        @Override
        public void close() {
            context.close();
        }
    }

    record Person(String username, String name, String email, List<String> roles) {}

    static final class People implements UserDetailsService {

        private final Map<String, Person> byName = new ConcurrentHashMap<>();

        void add(Person person) {
            byName.put(person.username(), person);
        }

        void changeRoles(String username, List<String> roles) {
            byName.computeIfPresent(username, (name, p) -> new Person(name, p.name(), p.email(), roles));
        }

        Person get(String username) {
            return byName.get(username);
        }

        @Override
        public UserDetails loadUserByUsername(String username) {
            Person person = byName.get(username);
            if (person == null) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUsername(username)
                    .password("{noop}" + PASSWORD)
                    .roles("USER")
                    .build();
        }
    }

    /**
     * Aegis's Vaadin integration replaces the JVM-wide security context strategy when it starts, and the authorization
     * server reads the static {@link SecurityContextHolder} in places: this provider follows whichever strategy is
     * current, or it would sign people in on one strategy and find nobody signed in on the other.
     */
    @Bean
    SecurityContextHolderStrategy securityContextHolderStrategy() {
        return new SecurityContextHolderStrategy() {
            @Override
            public void clearContext() {
                SecurityContextHolder.getContextHolderStrategy().clearContext();
            }

            @Override
            public SecurityContext getContext() {
                return SecurityContextHolder.getContextHolderStrategy().getContext();
            }

            @Override
            public Supplier<SecurityContext> getDeferredContext() {
                return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
            }

            @Override
            public void setContext(SecurityContext context) {
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
            }

            @Override
            public void setDeferredContext(Supplier<SecurityContext> deferredContext) {
                SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
            }

            @Override
            public SecurityContext createEmptyContext() {
                return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            }
        };
    }

    @Bean
    People people() {
        return new People();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // the user info endpoint takes the access token as a bearer token
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    RegisteredClientRepository clients() {
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId("aegis")
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT_URI)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build(); // the issuer follows the URL the provider is called by
    }

    @Bean
    JWKSource<com.nimbusds.jose.proc.SecurityContext> signingKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey(pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<com.nimbusds.jose.proc.SecurityContext> signingKeys) {
        return NimbusJwtDecoder.withJwkSource(signingKeys).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> personInIdToken(People people) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            Person person = people.get(context.getPrincipal().getName());
            context.getClaims()
                    .claim("preferred_username", person.username())
                    .claim("name", person.name())
                    .claim("email", person.email())
                    .claim("realm_access", Map.of("roles", person.roles()));
        };
    }
}
