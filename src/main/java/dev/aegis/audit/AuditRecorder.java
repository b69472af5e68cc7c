package dev.aegis.audit;

import dev.aegis.shared.AuditableEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears every {@link AuditableEvent} any module publishes and records it in the publisher's transaction (or in a
 * transaction of its own when there is none), so a change and its audit entry stand or fall together.
 */
@Component
class AuditRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditableEvent event) {
        Map<String, Object> details = new LinkedHashMap<>(event.details());
        log.append(event.actor(), event.objectType(), event.objectId(), event.action(), details);
    }
}
