/**
 * The risk register: the risks of the inventory's AI systems, their threats and the requirements they bear on, scored
 * on a 5×5 matrix and carried through identification, assessment, treatment, acceptance and closure.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "inventory", "inventory :: system-page", "framework", "audit"})
package dev.aegis.risk;
