package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import oidctest.OidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real provider (Spring Authorization Server, {@link OidcProvider}), driven through the
 * whole authorization-code flow by an HTTP client that keeps cookies like a browser. Aegis runs in a context of its
 * own here, with OpenID Connect on; it is closed after this class.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "aegis.admin-password=" + AegisTest.ADMIN_PASSWORD,
            "aegis.bootstrap-token=" + AegisTest.BOOTSTRAP_TOKEN,
            "aegis.oidc.enabled=true",
            "aegis.oidc.client-id=" + OidcProvider.CLIENT_ID,
            "aegis.oidc.client-secret=" + OidcProvider.CLIENT_SECRET,
            "aegis.oidc.roles-claim=realm_access.roles",
            "aegis.oidc.role-mapping=aegis-auditors=AUDITOR, aegis-admins=ADMIN"
        })
@DirtiesContext
class OidcSignInTest {

    private static OidcProvider.Running provider;
    private static SecurityContextHolderStrategy strategyBefore;

    /** Runs as the context starts: before it, so the provider's issuer is known when Aegis configures itself. */
    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        if (provider == null) {
            strategyBefore = SecurityContextHolder.getContextHolderStrategy();
            provider = OidcProvider.start();
        }
        registry.add("aegis.oidc.issuer-uri", provider::issuer);
    }

    /**
     * Vaadin makes each Aegis context's strategy the JVM-wide one as it starts; the shared test context, started
     * earlier, would otherwise find its test helpers' sign-ins on this closed context's strategy.
     */
    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
            SecurityContextHolder.setContextHolderStrategy(strategyBefore);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    UserService userService;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oidc_user_with_mapped_roles_signs_in() throws Exception {
        String username = unique("olivia");
        provider.addPerson(
                username,
                "Olivia Okafor",
                "olivia@example.org",
                "aegis-auditors",
                "GOVERNANCE_OFFICER",
                "offline_access");
        Browser browser = new Browser();

        HttpResponse<String> landing = browser.signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);

        assertThat(browser.visited)
                .anySatisfy(uri -> assertThat(uri.toString())
                        .startsWith(aegis("/login/oauth2/code/oidc?code=").toString()));
        assertThat(landing.uri()).isEqualTo(aegis("/"));
        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(browser.get(aegis("/")).statusCode())
                .as("a signed-in session")
                .isEqualTo(200);

        UserAccount account = users.findByUsername(username).orElseThrow();
        assertThat(account.getSource()).isEqualTo(UserAccount.Source.OIDC);
        assertThat(account.getRoles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.GOVERNANCE_OFFICER);
        assertThat(account.getDisplayName()).isEqualTo("Olivia Okafor");
        assertThat(account.getEmail()).isEqualTo("olivia@example.org");
        assertThat(account.getLastSignInAt()).isNotNull();
        assertThat(audit(username, "SIGN_IN")).singleElement().asString().contains("oidc");
        assertThat(audit(username, "CREATE")).hasSize(1);
    }

    @Test
    void user_whose_claims_map_to_no_aegis_role_is_refused() throws Exception {
        String username = unique("nora");
        // "admin" is the provider's own role: only the exact name ADMIN or a mapping makes an Aegis administrator
        provider.addPerson(username, "Nora Nyberg", "nora@example.org", "offline_access", "admin");
        Browser browser = new Browser();

        HttpResponse<String> landing = browser.signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);

        assertThat(landing.uri()).isEqualTo(aegis("/login?error"));
        assertSignedOut(browser);
        assertThat(users.findByUsername(username)).isEmpty();
        assertThat(audit(username, "SIGN_IN")).isEmpty();
        assertThat(audit(username, "SIGN_IN_FAILED")).singleElement().asString().contains("NoMappedRole");
    }

    @Test
    void roles_follow_the_identity_provider_at_each_sign_in() throws Exception {
        String username = unique("rafael");
        provider.addPerson(username, "Rafael Reyes", "rafael@example.org", "aegis-auditors");
        new Browser().signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);
        assertThat(users.findByUsername(username).orElseThrow().getRoles()).containsExactly(Role.AUDITOR);

        provider.changeRoles(username, "aegis-admins");
        HttpResponse<String> landing =
                new Browser().signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);

        assertThat(landing.uri()).isEqualTo(aegis("/"));
        assertThat(users.findByUsername(username).orElseThrow().getRoles()).containsExactly(Role.ADMIN);
        assertThat(audit(username, "ROLES_CHANGED"))
                .singleElement()
                .asString()
                .contains("[AUDITOR]")
                .contains("[ADMIN]");
        assertThat(audit(username, "SIGN_IN")).hasSize(2);
    }

    @Test
    void a_deactivated_account_is_refused() throws Exception {
        String username = unique("dmitri");
        provider.addPerson(username, "Dmitri Dahl", "dmitri@example.org", "aegis-auditors");
        new Browser().signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);
        deactivate(username);

        Browser browser = new Browser();
        HttpResponse<String> landing = browser.signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);

        assertThat(landing.uri()).isEqualTo(aegis("/login?error"));
        assertSignedOut(browser);
        assertThat(audit(username, "SIGN_IN")).hasSize(1);
        assertThat(audit(username, "SIGN_IN_FAILED")).singleElement().asString().contains("AccountDeactivated");
    }

    @Test
    void a_password_account_of_the_same_name_is_not_taken_over() throws Exception {
        String username = accounts.create("petra", Role.AUDITOR).username();
        provider.addPerson(username, "Someone Else", "else@example.org", "aegis-admins");

        HttpResponse<String> landing =
                new Browser().signInThroughProvider(aegis("/oauth2/authorization/oidc"), username);

        assertThat(landing.uri()).isEqualTo(aegis("/login?error"));
        UserAccount account = users.findByUsername(username).orElseThrow();
        assertThat(account.getSource()).isEqualTo(UserAccount.Source.LOCAL);
        assertThat(account.getRoles()).containsExactly(Role.AUDITOR);
        assertThat(audit(username, "SIGN_IN_FAILED")).singleElement().asString().contains("PasswordAccountExists");
    }

    private void assertSignedOut(Browser browser) throws Exception {
        HttpResponse<String> home = browser.get(aegis("/"));
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private void deactivate(String username) {
        TestAccounts.signIn(accounts.create("admin", Role.ADMIN));
        try {
            userService.deactivate(users.findByUsername(username).orElseThrow().getId());
        } finally {
            TestAccounts.signOut();
        }
    }

    /** The changes of this user's audit entries with the action, oldest first. */
    private List<String> audit(String username, String action) {
        return jdbc.queryForList(
                "select changes from audit.audit_entry where object_id = ? and action = ? order by id",
                String.class,
                username,
                action);
    }

    /** Aegis by its loopback address, the provider by name: see {@link OidcProvider.Running#issuer()}. */
    private URI aegis(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String unique(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Just enough of a browser: cookies per host, redirects followed one by one and remembered. */
    static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        final List<URI> visited = new ArrayList<>();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        /**
         * From the start of the flow to the provider's sign-in form, through it, and back to where Aegis sends the
         * person in the end.
         */
        HttpResponse<String> signInThroughProvider(URI start, String username) throws Exception {
            HttpResponse<String> form = follow(get(start));
            assertThat(form.uri().getPath()).as("the provider's sign-in form").isEqualTo("/login");
            assertThat(form.uri().getHost()).isEqualTo("localhost");
            Matcher csrf = CSRF.matcher(form.body());
            assertThat(csrf.find())
                    .as("a CSRF token in the provider's sign-in form")
                    .isTrue();
            return follow(post(
                    form.uri(),
                    Map.of("username", username, "password", OidcProvider.PASSWORD, "_csrf", csrf.group(1))));
        }

        HttpResponse<String> get(URI uri) throws Exception {
            visited.add(uri);
            return http.send(request(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
            visited.add(uri);
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    request(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int hops = 0; hops < 10; hops++) {
                if (response.statusCode() / 100 != 3) {
                    return response;
                }
                String location = response.headers().firstValue("Location").orElseThrow();
                response = get(response.uri().resolve(location));
            }
            throw new AssertionError("more than 10 redirects: " + visited);
        }

        private static HttpRequest.Builder request(URI uri) {
            return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        }
    }
}
