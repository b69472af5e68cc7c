/**
 * The AI system inventory: every AI system the organisation builds, buys or embeds, its owners, its MLOps life-cycle
 * stage and what each stage asks of it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.aegis.inventory;
