package dev.aegis.inventory;

/** Where a requirement stands in a system's scope: proposed by Aegis, or decided by an officer. */
public enum ScopeState {
    PROPOSED,
    CONFIRMED,
    EXCLUDED
}
