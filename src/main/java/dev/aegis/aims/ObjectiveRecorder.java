package dev.aegis.aims;

import dev.aegis.shared.Actors;
import java.util.HashSet;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each day the system actor records every computed indicator of the objectives in force, so each objective's history
 * grows without anyone remembering to. It reads the registers with their own read permissions and records with
 * {@link ObjectiveService#SYSTEM_RECORD}, never a borrowed human role.
 */
@Component
class ObjectiveRecorder {

    static final String LOCK = "record-aims-indicators";
    private static final Logger log = LoggerFactory.getLogger(ObjectiveRecorder.class);
    private final ObjectiveService objectives;

    ObjectiveRecorder(ObjectiveService objectives) {
        this.objectives = objectives;
    }

    /** With several instances, one of them does it. */
    @Scheduled(cron = "${aegis.aims.indicator-cron:0 30 0 * * *}", zone = "UTC")
    @SchedulerLock(name = LOCK)
    public void recordDaily() {
        Set<String> permissions = new HashSet<>(Indicators.SYSTEM_PERMISSIONS);
        permissions.add(ObjectiveService.SYSTEM_RECORD);
        Actors.runAsSystem(permissions, () -> {
            int n = objectives.recordAllNow();
            log.info("Recorded {} AIMS objective indicator value(s)", n);
        });
    }
}
