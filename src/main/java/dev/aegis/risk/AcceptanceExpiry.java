package dev.aegis.risk;

import dev.aegis.shared.Actors;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** An accepted risk is accepted only until a date: each night the risks whose acceptance ran out are reopened. */
@Component
class AcceptanceExpiry {

    static final String LOCK = "reopen-expired-risk-acceptances";
    private static final Logger log = LoggerFactory.getLogger(AcceptanceExpiry.class);
    private final RiskService risks;

    AcceptanceExpiry(RiskService risks) {
        this.risks = risks;
    }

    /** With several instances, one of them does it. */
    @Scheduled(cron = "${aegis.risk.acceptance-expiry-cron:0 5 0 * * *}", zone = "UTC")
    @SchedulerLock(name = LOCK)
    public void reopenExpired() {
        Actors.runAsSystem(Set.of(RiskService.SYSTEM_REOPEN_EXPIRED), () -> {
            int reopened = risks.reopenExpiredAcceptances();
            if (reopened > 0) {
                log.info("Reopened {} risk(s) whose acceptance expired", reopened);
            }
        });
    }
}
