/**
 * Evidence packs and reports: the auditor's ZIP (PDF, evidence files, manifest, SHA256SUMS) reconstructed "as of" a
 * date from the audit history, the risk register and AI system profile PDFs, and OSCAL assessment results. A nested
 * module of {@code evidence}: it reads the evidence register through its read API and the other registers (risks
 * included, which the register itself does not need) through their services.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "framework",
            "inventory",
            "inventory :: system-page",
            "risk",
            "control",
            "evidence",
            "finding",
            "telemetry",
            "audit"
        })
package dev.aegis.evidence.pack;
