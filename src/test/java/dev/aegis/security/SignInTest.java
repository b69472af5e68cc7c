package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@AegisTest
class SignInTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TwoFactorSignIn twoFactor;

    @Test
    void anonymous_visitors_reach_only_the_login_page() throws Exception {
        WebClient web = new WebClient(port);
        for (String path :
                new String[] {"/", "/audit", "/admin/users", "/about", "/v3/api-docs", "/swagger-ui/index.html"}) {
            HttpResponse<String> response = web.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as(path)
                    .endsWith("/login");
        }
        assertThat(web.get("/login").statusCode()).isEqualTo(200);
        assertThat(web.get("/assets/aegis.css").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        HttpResponse<String> login = new WebClient(port).get("/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("frame-ancestors 'none'")
                .contains("default-src 'self'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Set-Cookie").orElse(""))
                .contains("HttpOnly")
                .contains("SameSite=Lax");
    }

    @Test
    void a_signed_in_user_reads_the_openapi_document() throws Exception {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        WebClient web = new WebClient(port);
        assertThat(web.signIn(officer.username(), TestAccounts.PASSWORD)).doesNotContain("error");
        HttpResponse<String> doc = web.get("/v3/api-docs");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body())
                .contains("\"openapi\"")
                .contains("/api/v1/audit/verify")
                .contains("Aegis API")
                .contains("\"scheme\":\"bearer\"");
    }

    @Test
    void a_wrong_password_is_refused_and_recorded() throws Exception {
        AegisUser user = accounts.create("clumsy", Role.AUDITOR);
        assertThat(new WebClient(port).signIn(user.username(), "not-the-password"))
                .endsWith("/login?error");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'SIGN_IN_FAILED' " + "and object_id = ?",
                        Long.class,
                        user.username()))
                .isEqualTo(1);
    }

    @Test
    void a_good_sign_in_is_recorded() throws Exception {
        AegisUser user = accounts.create("punctual", Role.AUDITOR);
        assertThat(new WebClient(port).signIn(user.username(), TestAccounts.PASSWORD))
                .doesNotContain("error");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'SIGN_IN' and actor = ?",
                        Long.class,
                        user.username()))
                .isEqualTo(1);
    }

    @Test
    void signing_out_is_recorded() throws Exception {
        AegisUser user = accounts.create("leaving", Role.AUDITOR);
        WebClient web = new WebClient(port);
        web.signIn(user.username(), TestAccounts.PASSWORD);
        String page = web.get("/").body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        var logout = web.postForm("/logout", java.util.Map.of("_csrf", csrf.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'SIGN_OUT' and actor = ?",
                        Long.class,
                        user.username()))
                .isEqualTo(1);
    }

    @Test
    void five_failures_lock_the_account_even_against_the_right_password() throws Exception {
        AegisUser user = accounts.create("target", Role.GOVERNANCE_OFFICER);
        WebClient attacker = new WebClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.signIn(user.username(), "guess-" + i)).endsWith("/login?error");
        }
        assertThat(new WebClient(port).signIn(user.username(), TestAccounts.PASSWORD))
                .endsWith("/login?error");
        UserAccount account = users.findByUsername(user.username()).orElseThrow();
        assertThat(account.isLockedAt(Instant.now())).isTrue();
        assertThat(account.getLockedUntil())
                .isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'LOCKED_OUT' and object_id = ?",
                        Long.class,
                        user.username()))
                .isEqualTo(1);
    }

    @Test
    void four_failures_do_not_lock_the_account() throws Exception {
        AegisUser user = accounts.create("forgetful", Role.GOVERNANCE_OFFICER);
        WebClient web = new WebClient(port);
        for (int i = 0; i < 4; i++) {
            web.signIn(user.username(), "guess-" + i);
        }
        assertThat(new WebClient(port).signIn(user.username(), TestAccounts.PASSWORD))
                .doesNotContain("error");
    }

    @Test
    void deactivating_a_user_ends_their_open_session_at_the_next_request() throws Exception {
        AegisUser user = accounts.create("dismissed", Role.GOVERNANCE_OFFICER);
        WebClient web = new WebClient(port);
        web.signIn(user.username(), TestAccounts.PASSWORD);
        assertThat(web.get("/v3/api-docs").statusCode()).isEqualTo(200);
        tx.executeWithoutResult(
                s -> users.findByUsername(user.username()).orElseThrow().deactivate());
        HttpResponse<String> next = web.get("/v3/api-docs");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void a_deactivated_user_cannot_sign_in() throws Exception {
        AegisUser user = accounts.create("leaver", Role.AUDITOR);
        tx.executeWithoutResult(
                s -> users.findByUsername(user.username()).orElseThrow().deactivate());
        assertThat(new WebClient(port).signIn(user.username(), TestAccounts.PASSWORD))
                .endsWith("/login?error");
    }

    @Test
    void a_user_with_two_factor_is_not_signed_in_until_the_code_is_right() throws Exception {
        AegisUser user = accounts.create("careful", Role.AUDITOR);
        String secret = Totp.newSecret();
        tx.executeWithoutResult(s -> {
            UserAccount account = users.findByUsername(user.username()).orElseThrow();
            account.startTotpEnrolment(secret);
            account.confirmTotp();
        });
        WebClient web = new WebClient(port);
        assertThat(web.signIn(user.username(), TestAccounts.PASSWORD)).endsWith("/two-factor");
        assertThat(web.get("/audit").headers().firstValue("Location").orElse(""))
                .endsWith("/login");

        // the code step, on a session holding the password step's result
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(TwoFactorSignIn.PENDING, TestAccountsAuth.of(user));
        try {
            assertThat(twoFactor.complete(
                            session, "000000".equals(Totp.code(secret, Instant.now())) ? "111111" : "000000"))
                    .isFalse();
            assertThat(twoFactor.complete(session, Totp.code(secret, Instant.now())))
                    .isTrue();
            assertThat(SecurityContextHolder.getContext().getAuthentication().getName())
                    .isEqualTo(user.username());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The authentication the password step leaves pending. */
    static final class TestAccountsAuth {
        static org.springframework.security.core.Authentication of(AegisUser user) {
            return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                    user, "", user.getAuthorities());
        }
    }
}
