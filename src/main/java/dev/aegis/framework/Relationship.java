package dev.aegis.framework;

/**
 * How a crosswalk's source requirement relates to its target, from strongest to weakest (set-theoretic, as in
 * OSCAL mappings and CISO Assistant). Coverage carried across a crosswalk is weakened to the weakest relationship on
 * its path.
 */
public enum Relationship {
    EQUAL("equivalent-to"),
    SUBSET("subset-of"),
    SUPERSET("superset-of"),
    INTERSECT("intersects-with"),
    RELATED("intersects-with");

    private final String oscal;

    Relationship(String oscal) {
        this.oscal = oscal;
    }

    /** The OSCAL 1.2 mapping relationship token. */
    public String oscal() {
        return oscal;
    }
}
