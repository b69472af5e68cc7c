package dev.aegis.aims;

import java.util.List;

/** What a version of each kind of AIMS document says, kept as JSON with the version exactly as it was written. */
public final class AimsContent {

    private AimsContent() {}

    /** An AI or topic policy: its text and whom it applies to. */
    public record PolicyText(String text, String appliesTo) {}

    /** An interested party (4.2) and what it requires of the organisation's AI. */
    public record Party(String name, String requirements) {}

    /** Something left out of the AIMS scope (4.3) and why. */
    public record Exclusion(String what, String why) {}

    /**
     * The context of the organisation and the AIMS scope (4.1–4.3): issues, interested parties, the scope statement,
     * the AI systems (inventory ids), units and locations in scope, and what is excluded with why.
     */
    public record ContextAndScope(
            List<String> internalIssues,
            List<String> externalIssues,
            List<Party> interestedParties,
            String statement,
            List<Long> aiSystems,
            List<String> units,
            List<String> locations,
            List<Exclusion> exclusions) {

        public ContextAndScope {
            internalIssues = internalIssues == null ? List.of() : List.copyOf(internalIssues);
            externalIssues = externalIssues == null ? List.of() : List.copyOf(externalIssues);
            interestedParties = interestedParties == null ? List.of() : List.copyOf(interestedParties);
            aiSystems = aiSystems == null ? List.of() : List.copyOf(aiSystems);
            units = units == null ? List.of() : List.copyOf(units);
            locations = locations == null ? List.of() : List.copyOf(locations);
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        }
    }
}
