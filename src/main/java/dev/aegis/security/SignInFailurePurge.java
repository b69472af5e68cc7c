package dev.aegis.security;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins only matter inside the lockout window (minutes); after a day they are noise that would grow the
 * table for ever, so they go. The sign-in events themselves stay in the audit log.
 */
@Component
class SignInFailurePurge {

    static final String LOCK = "purge-sign-in-failures";
    /** Far longer than any sensible lockout window, so the purge never lowers a count that still matters. */
    static final Duration KEEP = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(SignInFailurePurge.class);

    private final SignInFailures failures;
    private final TransactionTemplate tx;
    private final Clock clock;

    SignInFailurePurge(SignInFailures failures, TransactionTemplate tx, Clock clock) {
        this.failures = failures;
        this.tx = tx;
        this.clock = clock;
    }

    /** Deletes failed sign-ins older than {@link #KEEP}; with several instances, one of them does it. */
    @Scheduled(cron = "${aegis.security.sign-in-failures.purge-cron:0 23 * * * *}")
    @SchedulerLock(name = LOCK)
    public void purge() {
        Integer deleted =
                tx.execute(status -> failures.deleteOlderThan(clock.instant().minus(KEEP)));
        if (deleted != null && deleted > 0) {
            log.info("Purged {} failed sign-in(s) older than {}", deleted, KEEP);
        }
    }
}
