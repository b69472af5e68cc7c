package dev.aegis.evidence;

/** What an evidence item can be linked to: a control, a framework requirement, an AI system (each by id). */
public enum LinkTarget {
    CONTROL,
    REQUIREMENT,
    SYSTEM
}
