/**
 * The AI system inventory: every AI system the organisation builds, buys or embeds, its owners, its MLOps life-cycle
 * stage, what each stage asks of it, and which framework requirements are in its scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "framework", "audit"})
package dev.aegis.inventory;
