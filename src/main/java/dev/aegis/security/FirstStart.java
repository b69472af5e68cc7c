package dev.aegis.security;

import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start there are no users: Aegis creates {@code admin} with the password from AEGIS_ADMIN_PASSWORD or a
 * random one printed once to the log, to be changed at first sign-in. There is no default password. When
 * AEGIS_BOOTSTRAP_TOKEN is set, that value becomes an ADMIN API token for automation.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final UserAccounts users;
    private final ApiTokenService tokens;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String adminPassword;
    private final String bootstrapToken;

    FirstStart(
            UserAccounts users,
            ApiTokenService tokens,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            TransactionTemplate tx,
            JdbcTemplate jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${aegis.admin-password:}") String adminPassword,
            @Value("${aegis.bootstrap-token:}") String bootstrapToken) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.policy = policy;
        this.tx = tx;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.adminPassword = adminPassword;
        this.bootstrapToken = bootstrapToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (bootstrapToken.isBlank() && hasUsers()) {
            // a restart: nothing to do, and no need to wait here for Hibernate, which starts in the background
            return;
        }
        tx.executeWithoutResult(status -> {
            // several instances may start at once on one database: one of them creates the admin
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('aegis-first-start'))::text", String.class);
            if (users.count() == 0) {
                createAdmin();
            }
            if (!bootstrapToken.isBlank()) {
                registerBootstrapToken();
            }
        });
    }

    private boolean hasUsers() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select exists (select 1 from security.app_user)", Boolean.class));
    }

    private void createAdmin() {
        UserAccount admin = new UserAccount(
                "admin", "Administrator", null, UserAccount.Source.LOCAL, EnumSet.of(Role.ADMIN), clock.instant());
        boolean given = !adminPassword.isBlank();
        if (given) {
            try {
                policy.check("admin", adminPassword);
            } catch (dev.aegis.shared.DomainRuleException e) {
                throw new IllegalStateException("AEGIS_ADMIN_PASSWORD is refused: " + e.getMessage()
                        + " Set a stronger one, or leave it unset to get a random one-time password in the log.");
            }
        }
        String password = given ? adminPassword : UserService.randomPassword();
        admin.setPassword(encoder.encode(password), true);
        users.save(admin);
        events.publishEvent(new SecurityEvents.UserCreated("admin", "[ADMIN] (first start)"));
        if (given) {
            log.warn(
                    "Created user 'admin' with the password from AEGIS_ADMIN_PASSWORD; it must be changed at first sign-in.");
        } else {
            log.warn("""

                    ================================================================
                     Aegis created the first user.
                       user name: admin
                       one-time password: {}
                     It is shown only this once and must be changed at first sign-in.
                    ================================================================""", password);
        }
    }

    private void registerBootstrapToken() {
        UserAccount admin = users.findAll().stream()
                .filter(u -> u.getRoles().contains(Role.ADMIN) && u.isEnabled())
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("AEGIS_BOOTSTRAP_TOKEN is set but there is no active ADMIN"));
        if (tokens.register(admin, "bootstrap (AEGIS_BOOTSTRAP_TOKEN)", bootstrapToken) != null) {
            log.info("Registered AEGIS_BOOTSTRAP_TOKEN as an API token of '{}'", admin.getUsername());
        }
    }
}
