package dev.aegis.audit;

import dev.aegis.shared.AuditLabelled;
import dev.aegis.shared.AuditObjectLabels;
import dev.aegis.shared.Audited;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Records every insert, update and delete of an {@link Audited} entity, with the fields that changed (before and
 * after), on the same connection and in the same transaction as the change itself. Hibernate calls it from the
 * moment its session factory exists: {@link AuditedChangesIntegration} registers it while the factory is built.
 */
@Component
class EntityChangeAuditor
        implements PostInsertEventListener,
                PostUpdateEventListener,
                PostDeleteEventListener,
                PostCollectionUpdateEventListener {

    private static final String MASK = "***";
    private final AuditLog log;
    private final List<AuditObjectLabels> labels;

    EntityChangeAuditor(AuditLog log, List<AuditObjectLabels> labels) {
        this.log = log;
        this.labels = labels;
    }

    /** A collection field (e.g. an AI system's data categories) changed: its own UPDATE entry, before and after. */
    @Override
    public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
        Object owner = event.getAffectedOwnerOrNull();
        Audited audited = owner == null ? null : audited(owner);
        if (audited == null) {
            return;
        }
        String role = event.getCollection().getRole();
        String field = role == null ? "?" : role.substring(role.lastIndexOf('.') + 1);
        Object snapshot = event.getCollection().getStoredSnapshot();
        Collection<?> before = snapshot instanceof java.util.Map<?, ?> map
                ? map.keySet()
                : snapshot instanceof Collection<?> c ? c : List.of();
        Collection<?> after = event.getCollection() instanceof Collection<?> c ? c : List.of();
        if (same(before, after)) {
            return;
        }
        log.append(
                null,
                type(owner),
                String.valueOf(event.getAffectedOwnerIdOrNull()),
                label(owner, event.getAffectedOwnerIdOrNull(), null, null),
                "UPDATE",
                Map.of(
                        field,
                        Map.of(
                                "before",
                                String.valueOf(render(audited, field, before)),
                                "after",
                                String.valueOf(render(audited, field, after)))));
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        Audited audited = audited(event.getEntity());
        if (audited != null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            String[] names = event.getPersister().getPropertyNames();
            for (int i = 0; i < names.length; i++) {
                fields.put(names[i], render(audited, names[i], event.getState()[i]));
            }
            log.append(
                    null,
                    type(event.getEntity()),
                    String.valueOf(event.getId()),
                    label(event.getEntity(), event.getId(), event.getPersister().getPropertyNames(), event.getState()),
                    "CREATE",
                    fields);
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        Audited audited = audited(event.getEntity());
        if (audited == null || event.getOldState() == null) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        String[] names = event.getPersister().getPropertyNames();
        int versionIndex =
                event.getPersister().isVersioned() ? event.getPersister().getVersionPropertyIndex() : -1;
        List<String> bookkeeping = Arrays.asList(audited.bookkeeping());
        for (int i = 0; i < names.length; i++) {
            Object before = event.getOldState()[i];
            Object after = event.getState()[i];
            if (i != versionIndex && !bookkeeping.contains(names[i]) && !same(before, after)) {
                changes.put(
                        names[i],
                        Map.of(
                                "before",
                                String.valueOf(render(audited, names[i], before)),
                                "after",
                                String.valueOf(render(audited, names[i], after))));
            }
        }
        if (!changes.isEmpty()) {
            log.append(
                    null,
                    type(event.getEntity()),
                    String.valueOf(event.getId()),
                    label(event.getEntity(), event.getId(), names, event.getState()),
                    "UPDATE",
                    changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        Audited audited = audited(event.getEntity());
        if (audited != null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            String[] names = event.getPersister().getPropertyNames();
            Object[] state = event.getDeletedState();
            for (int i = 0; state != null && i < names.length; i++) {
                fields.put(names[i], render(audited, names[i], state[i]));
            }
            log.append(
                    null,
                    type(event.getEntity()),
                    String.valueOf(event.getId()),
                    label(event.getEntity(), event.getId(), names, state),
                    "DELETE",
                    fields);
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /**
     * How people name the entity: its own {@link AuditLabelled#auditLabel()}, else its {@code name} or {@code title}
     * field (from the state written, so a rename is labelled with the new name), else none.
     */
    private String label(Object entity, Object id, String[] names, Object[] state) {
        String own = label(entity, names, state);
        if (own != null || id == null) {
            return own;
        }
        for (AuditObjectLabels l : labels) {
            if (l.names(type(entity))) {
                return l.label(type(entity), String.valueOf(id));
            }
        }
        return null;
    }

    static String label(Object entity, String[] names, Object[] state) {
        if (entity instanceof AuditLabelled labelled) {
            try {
                return labelled.auditLabel();
            } catch (RuntimeException e) {
                return null; // a label reads lazy state that is not there: the entry keeps type and id
            }
        }
        if (names == null || state == null) {
            return null;
        }
        Audited audited = audited(entity);
        for (String wanted : new String[] {"name", "title"}) {
            if (audited != null && Arrays.asList(audited.masked()).contains(wanted)) {
                continue;
            }
            for (int i = 0; i < names.length && i < state.length; i++) {
                if (wanted.equals(names[i]) && state[i] instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Audited audited(Object entity) {
        return entity.getClass().getAnnotation(Audited.class);
    }

    private static String type(Object entity) {
        return entity.getClass().getSimpleName();
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
            return Set.copyOf(ca).equals(Set.copyOf(cb));
        }
        return Objects.equals(a, b);
    }

    private static Object render(Audited audited, String field, Object value) {
        if (Arrays.asList(audited.masked()).contains(field)) {
            return value == null ? null : MASK;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).sorted().toList();
        }
        return value == null
                ? null
                : value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }
}
