/**
 * The evidence register: uploaded files, links and records Aegis files itself (telemetry test results, vendor
 * assessment decisions), each with an owner, the period it covers, an expiry, a review sign-off, versions that keep
 * their SHA-256, and links to controls, framework requirements and AI systems; expiry warnings to owners. The
 * evidence packs, reports and OSCAL live in {@code evidence.pack} and read evidence through
 * {@link dev.aegis.evidence.EvidenceService#forScope} and {@link dev.aegis.evidence.EvidenceService#content}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "framework",
            "inventory",
            "inventory :: system-page",
            "control",
            "telemetry",
            "vendor",
            "notification"
        })
package dev.aegis.evidence;
