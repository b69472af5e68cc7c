/**
 * Key management: the master key from the environment that seals secrets at rest ({@link dev.aegis.shared.crypto.SecretBox}),
 * and the organisation's signing key and certificate that sign evidence packs and audit checkpoints
 * ({@link dev.aegis.shared.crypto.OrganisationKey}). See docs/deployment.md, "Keys".
 */
package dev.aegis.shared.crypto;
