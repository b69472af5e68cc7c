package dev.aegis.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people the fixtures name as owners ("owner", "someone-else" …): owners must be active users of the directory, so
 * they exist in the shared test context's database, as system owners who cannot sign in (no password). Applications a
 * test starts on a database of their own (RunningAegis) do not get them.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "aegis.test.fixture-people", havingValue = "true")
class FixturePeople implements ApplicationRunner {

    static final List<String> NAMES = List.of(
            "owner",
            "someone",
            "someone-else",
            "new-owner",
            "officer",
            "o",
            "other",
            "x",
            "bench",
            "demo-owner",
            "demo-officer",
            "alice");
    private final UserAccounts users;
    private final TransactionTemplate tx;

    FixturePeople(UserAccounts users, TransactionTemplate tx) {
        this.users = users;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> NAMES.stream()
                .filter(name -> users.findByUsername(name).isEmpty())
                .forEach(name -> users.save(new UserAccount(
                        name,
                        name,
                        null,
                        UserAccount.Source.LOCAL,
                        EnumSet.of(Role.SYSTEM_OWNER),
                        Clock.systemUTC().instant()))));
    }
}
