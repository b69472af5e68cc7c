/**
 * Vendor risk: the vendors that supply AI services, what the organisation's AI systems depend on them for, where they
 * process data, their agreements and certifications, and the assessments they answer.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "inventory", "framework", "risk", "notification", "security"})
package dev.aegis.vendor;
