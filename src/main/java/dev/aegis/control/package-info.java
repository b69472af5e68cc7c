/**
 * The control library: the organisation's controls, mapped to framework requirements and to the risks they mitigate,
 * applied to AI systems; coverage and gaps across frameworks, threat coverage, and the ISO/IEC 42001 Statement of
 * Applicability.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "framework", "inventory", "risk", "audit"})
package dev.aegis.control;
