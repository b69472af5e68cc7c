package dev.aegis.shared;

/**
 * How a module names its objects in the audit log, for the events it publishes about them: the audit module asks, at
 * the time an entry is recorded (in the same transaction), for the label of the object an event names, when the event
 * does not carry one itself. One bean per module, for the object types it owns.
 */
public interface AuditObjectLabels {

    /** Whether this bean names objects of this type (the audit entry's object type, e.g. "Evidence"). */
    boolean names(String objectType);

    /** The object's label as people read it now, or null when there is no such object. */
    String label(String objectType, String objectId);
}
