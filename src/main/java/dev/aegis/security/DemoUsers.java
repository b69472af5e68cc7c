package dev.aegis.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode (AEGIS_DEMO=true) only, never in versioned migrations: one user per role, so each screen can be tried as
 * each kind of user. Their password is AEGIS_DEMO_PASSWORD or a random one printed once to the log.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final Map<String, Role> USERS = new LinkedHashMap<>();

    static {
        USERS.put("demo-admin", Role.ADMIN);
        USERS.put("demo-officer", Role.GOVERNANCE_OFFICER);
        USERS.put("demo-auditor", Role.AUDITOR);
        USERS.put("demo-vendor-manager", Role.VENDOR_MANAGER);
        USERS.put("demo-owner", Role.SYSTEM_OWNER);
    }

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String password;

    DemoUsers(
            UserAccounts users,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            TransactionTemplate tx,
            Clock clock,
            ApplicationEventPublisher events,
            @Value("${aegis.demo-password:}") String password) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        String chosen = password.isBlank() ? UserService.randomPassword() : password;
        if (!password.isBlank()) {
            policy.check(null, password);
        }
        int created = tx.execute(s -> {
            int n = 0;
            for (var e : USERS.entrySet()) {
                if (users.findByUsername(e.getKey()).isEmpty()) {
                    UserAccount u = new UserAccount(
                            e.getKey(),
                            "Demo " + e.getValue().label().toLowerCase(java.util.Locale.ROOT),
                            null,
                            UserAccount.Source.LOCAL,
                            EnumSet.of(e.getValue()),
                            clock.instant());
                    u.setPassword(encoder.encode(chosen), false);
                    users.save(u);
                    events.publishEvent(
                            new SecurityEvents.UserCreated(u.getUsername(), "[" + e.getValue() + "] (demo)"));
                    n++;
                }
            }
            return n;
        });
        if (created > 0) {
            log.warn(
                    "Demo mode: created {} demo users ({}) with the password {}",
                    created,
                    String.join(", ", USERS.keySet()),
                    password.isBlank() ? chosen : "from AEGIS_DEMO_PASSWORD");
        }
    }
}
