/**
 * Evidence packs and reports: the auditor's ZIP (PDF, evidence files, manifest, SHA256SUMS) reconstructed "as of" a
 * date from the audit history, the risk register and AI system profile PDFs, and OSCAL assessment results.
 */
package dev.aegis.evidence.pack;
