package dev.aegis.shared;

/**
 * An {@link Audited} entity that says how people name it ("SC-44 · Human oversight", "Clinic diagnosis assistant"):
 * the audit log keeps that label with each entry about it, as the object read at the time, so the log never has to
 * name an object by its internal id. Entities without it are named by their {@code name} or {@code title} field.
 */
public interface AuditLabelled {

    /** How people name this object now, or null when it has no name worth keeping. */
    String auditLabel();
}
