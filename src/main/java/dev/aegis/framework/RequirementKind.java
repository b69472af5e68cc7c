package dev.aegis.framework;

/** What a requirement node is in its framework. */
public enum RequirementKind {
    FUNCTION,
    CATEGORY,
    SUBCATEGORY,
    CLAUSE,
    CONTROL_OBJECTIVE,
    CONTROL,
    RISK,
    TACTIC,
    TECHNIQUE,
    SUB_TECHNIQUE,
    MITIGATION,
    ACTION,
    CASE_STUDY,
    // legislation (the EU AI Act)
    CHAPTER,
    SECTION,
    ARTICLE,
    PARAGRAPH,
    POINT,
    ANNEX;

    public String label() {
        String s = name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
