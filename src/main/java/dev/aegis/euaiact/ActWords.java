package dev.aegis.euaiact;

import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;

/** The EU AI Act's tiers and roles in the words people use. */
public final class ActWords {

    private ActWords() {}

    public static String tier(EuAiActTier tier) {
        return switch (tier) {
            case UNASSESSED -> "Not classified yet";
            case MINIMAL -> "Minimal risk";
            case LIMITED -> "Limited risk (transparency duties)";
            case HIGH -> "High-risk";
            case PROHIBITED -> "Prohibited practice";
        };
    }

    public static String role(EuAiActRole role) {
        return switch (role) {
            case PROVIDER -> "Provider";
            case DEPLOYER -> "Deployer";
            case PROVIDER_AND_DEPLOYER -> "Provider and deployer";
            case IMPORTER -> "Importer";
            case DISTRIBUTOR -> "Distributor";
            case AUTHORISED_REPRESENTATIVE -> "Authorised representative";
            case NONE -> "No operator role";
        };
    }

    /** The badge colour of a tier (white text on all but the amber of limited risk). */
    public static String colour(EuAiActTier tier) {
        return switch (tier) {
            case PROHIBITED -> "#7a1010";
            case HIGH -> "#b3261e";
            case LIMITED -> "#f2c94c";
            case MINIMAL -> "#2e7d32";
            case UNASSESSED -> "#5f6368";
        };
    }
}
