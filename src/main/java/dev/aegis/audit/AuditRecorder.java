package dev.aegis.audit;

import dev.aegis.shared.Actors;
import dev.aegis.shared.AuditObjectLabels;
import dev.aegis.shared.AuditableEvent;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final List<AuditObjectLabels> labels;

    AuditRecorder(AuditLog log, List<AuditObjectLabels> labels) {
        this.log = log;
        this.labels = labels;
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
        log.append(actor, event.objectType(), event.objectId(), label(event), event.action(), details);
    }

    /**
     * The owning module's label for the object as it stands (in this transaction), else the event's own (a removed
     * object's title, say), else none.
     */
    private String label(AuditableEvent event) {
        if (event.objectId() != null) {
            for (AuditObjectLabels l : labels) {
                if (l.names(event.objectType())) {
                    String now = l.label(event.objectType(), event.objectId());
                    if (now != null) {
                        return now;
                    }
                }
            }
        }
        String own = event.objectLabel();
        return own == null || own.isBlank() ? null : own;
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
