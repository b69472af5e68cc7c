package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class SignInFailurePurgeTest {

    @Autowired
    SignInFailurePurge purge;

    @Autowired
    SignInFailures failures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_purge_deletes_failed_sign_ins_older_than_a_day_and_keeps_recent_ones() {
        String user = "purge-" + System.nanoTime();
        Instant now = Instant.now();
        failures.save(new SignInFailure(user, now.minus(Duration.ofDays(2))));
        failures.save(new SignInFailure(user, now.minus(Duration.ofHours(1))));

        purge.purge();

        assertThat(occurrences(user)).hasSize(1);
        assertThat(failures.countSince(user, now.minus(Duration.ofHours(2)))).isEqualTo(1);
    }

    @Test
    void the_purge_takes_its_lock_in_the_shared_shedlock_table_and_releases_it() {
        purge.purge();

        Map<String, Object> lock = jdbc.queryForMap(
                "select locked_by, lock_until <= now() as released from shared.shedlock where name = ?",
                SignInFailurePurge.LOCK);
        assertThat((String) lock.get("locked_by")).isNotBlank();
        assertThat(lock.get("released")).isEqualTo(true);
    }

    @Test
    void while_another_instance_holds_the_lock_this_one_leaves_the_purge_to_it() {
        String user = "locked-purge-" + System.nanoTime();
        failures.save(new SignInFailure(user, Instant.now().minus(Duration.ofDays(3))));
        jdbc.update("""
                insert into shared.shedlock (name, lock_until, locked_at, locked_by)
                values (?, now() + interval '5 minutes', now(), 'aegis-elsewhere')
                on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
                    locked_by = excluded.locked_by""", SignInFailurePurge.LOCK);
        try {
            purge.purge();

            assertThat(occurrences(user)).hasSize(1);
        } finally {
            jdbc.update("update shared.shedlock set lock_until = now() where name = ?", SignInFailurePurge.LOCK);
        }
        purge.purge();
        assertThat(occurrences(user)).isEmpty();
    }

    private java.util.List<Instant> occurrences(String user) {
        return jdbc.queryForList(
                "select occurred_at from security.sign_in_failure where username = ?", Instant.class, user);
    }
}
