package dev.aegis.vendor;

import java.util.Locale;

/** The words of the vendor register, with the labels the screens show. */
public final class VendorVocabulary {

    private VendorVocabulary() {}

    /** How much the organisation depends on the vendor; also the scale of the vendor's risk tier. */
    public enum Level {
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL;

        Level lower() {
            return this == LOW ? LOW : values()[ordinal() - 1];
        }

        Level higher() {
            return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
        }
    }

    /** The state of the data processing agreement. */
    public enum DpaStatus {
        NONE,
        DRAFT,
        SIGNED
    }

    /** The certifications the register tracks, each with its expiry date. */
    public enum CertificationType {
        ISO_27001("ISO/IEC 27001"),
        ISO_42001("ISO/IEC 42001"),
        SOC_2("SOC 2");

        private final String label;

        CertificationType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A screen label for any of these words: "ISO/IEC 27001", "Signed", "Critical". */
    public static String label(Enum<?> e) {
        if (e == null) {
            return "";
        }
        if (e instanceof CertificationType c) {
            return c.label();
        }
        String words = e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The risk tier: a vendor not yet assessed stands at its criticality; an assessed one a level lower when its score
     * is 80 or more, a level higher when it is under 50.
     */
    public static Level tier(Level criticality, Integer riskScore) {
        if (riskScore == null) {
            return criticality;
        }
        if (riskScore >= 80) {
            return criticality.lower();
        }
        return riskScore < 50 ? criticality.higher() : criticality;
    }
}
