/** Validation shared by the registers' records: sensible dates and Bean Validation run inside services. */
package dev.aegis.shared.validation;
