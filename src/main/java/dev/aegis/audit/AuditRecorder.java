package dev.aegis.audit;

import dev.aegis.shared.Actors;
import dev.aegis.shared.AuditableEvent;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hears every {@link AuditableEvent} any module publishes and records it in the publisher's transaction (or in a
 * transaction of its own when there is none), so a change and its audit entry stand or fall together.
 *
 * <p>The entry names whoever was acting when the event was <em>published</em>, not whoever holds the security
 * context when the transaction commits: a listener that acts as the system inside a transaction opened around it
 * commits after the system actor's turn has ended.
 */
@Component
class AuditRecorder {

    private static final Object ACTORS = AuditRecorder.class.getName() + ".actors";

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    /** Notes the actor at publication; the entry itself is written before the commit. */
    @EventListener
    void remember(AuditableEvent event) {
        if (event.actor() == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            actorsOfThisTransaction().put(event, Actors.current());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditableEvent event) {
        Map<String, Object> details = new LinkedHashMap<>(event.details());
        String actor = event.actor();
        if (actor == null && TransactionSynchronizationManager.getResource(ACTORS) instanceof Map<?, ?> actors) {
            actor = (String) actors.get(event);
        }
        log.append(actor, event.objectType(), event.objectId(), event.action(), details);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, String> actorsOfThisTransaction() {
        Object bound = TransactionSynchronizationManager.getResource(ACTORS);
        if (bound != null) {
            return (Map<Object, String>) bound;
        }
        Map<Object, String> actors = new IdentityHashMap<>();
        TransactionSynchronizationManager.bindResource(ACTORS, actors);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ACTORS);
            }
        });
        return actors;
    }
}
