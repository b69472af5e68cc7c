package dev.aegis.shared;

import java.util.Optional;

/**
 * The organisation that runs this Aegis, as vendors, auditors and readers of its reports see it: its name on the
 * vendor portal, on every report and on evidence packs, and its logo where one was set.
 */
public interface OrganisationProfile {

    /** The organisation's name, never blank. */
    String name();

    /** The organisation's logo as PNG bytes, when one was set. */
    Optional<byte[]> logoPng();
}
