/**
 * The framework catalogs (NIST AI RMF, ISO/IEC 42001, OWASP LLM Top 10, MITRE ATLAS and the NIST generative AI
 * profile) and their crosswalks: read-only library data keyed by stable ids, with provenance and licences.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.aegis.framework;
