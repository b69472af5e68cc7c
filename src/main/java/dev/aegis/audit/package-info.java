/**
 * The tamper-evident audit log: every write, security event and export, hash-chained, append-only, verifiable.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package dev.aegis.audit;
