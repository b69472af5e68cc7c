/**
 * LLM risk signals the monitor computes on prompt and response text without any model: personal data (with the
 * checksums that tell a real number from a look-alike), prompt-injection indicators citing MITRE ATLAS AML.T0051 and
 * OWASP LLM01, and refusals. Only the signals are kept, never the text.
 */
package dev.aegis.monitor.llm;
