package dev.aegis.evidence.pack;

import dev.aegis.audit.AuditCheckpoints;
import dev.aegis.shared.crypto.OrganisationKey;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What makes a pack trustworthy beyond its hashes: the manifest's detached signature with the organisation's key
 * ({@code manifest.json.sig}, checked with {@code signer.pem}), and the audit log's checkpoint signed as the pack was
 * built ({@code audit-checkpoint.json} and its {@code .sig}), which later verifications of the log are held against.
 */
@Component
class PackSigner {

    static final String SIGNATURE = PackBuilder.MANIFEST + ".sig";
    static final String CERTIFICATE = "signer.pem";
    static final String CHECKPOINT = "audit-checkpoint.json";
    static final String CHECKPOINT_SIGNATURE = CHECKPOINT + ".sig";

    private final OrganisationKey key;
    private final AuditCheckpoints checkpoints;

    PackSigner(OrganisationKey key, AuditCheckpoints checkpoints) {
        this.key = key;
        this.checkpoints = checkpoints;
    }

    /** Signs the audit log's head for this pack. */
    AuditCheckpoints.Checkpoint checkpoint() {
        return checkpoints.sign(AuditCheckpoints.Reason.PACK);
    }

    byte[] sign(byte[] manifest) {
        return key.sign(manifest);
    }

    byte[] certificate() {
        return key.certificatePem().getBytes(StandardCharsets.US_ASCII);
    }

    /** The manifest's account of the signature and the checkpoint, so the signed manifest names both. */
    Map<String, Object> manifestFacts(AuditCheckpoints.Checkpoint checkpoint) {
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("file", SIGNATURE);
        signature.put("certificate", CERTIFICATE);
        signature.put("algorithm", key.describe().algorithm());
        signature.put("keyFingerprintSha256", key.fingerprint());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("file", CHECKPOINT);
        audit.put("checkpoint", checkpoint.id());
        audit.put("sequence", checkpoint.sequence());
        audit.put("entries", checkpoint.entries());
        audit.put("hash", checkpoint.hash());
        audit.put("signedAt", checkpoint.signedAt().toString());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("signature", signature);
        facts.put("auditCheckpoint", audit);
        return facts;
    }

    /** README.txt's part on signatures: the openssl commands, in the order an auditor runs them. */
    String readme(AuditCheckpoints.Checkpoint checkpoint) {
        return """
                How to check who made it (OpenSSL 1.1.1 or later):

                  openssl x509 -in signer.pem -noout -subject -dates
                  openssl x509 -in signer.pem -pubkey -noout -out pubkey.pem
                  openssl pkey -pubin -in pubkey.pem -outform DER | sha256sum
                                                   # must print the key fingerprint Aegis shows on its
                                                   # About page (and that you were given): %s
                  %s
                                                   # must print "Verified OK"

                manifest.json is signed: editing it and recomputing SHA256SUMS still fails this check.

                How to check the audit log later: audit-checkpoint.json is the head of Aegis's tamper-evident audit
                log when this pack was built (entry %d, hash %s), signed with the same key:

                  %s
                                                   # "Verified OK" with the pubkey.pem whose fingerprint you
                                                   # compared above with the one on Aegis's About page; its
                                                   # "keyFingerprint" must be that fingerprint too. A checkpoint
                                                   # signed by any other key is not Aegis's.

                Keep it. Any later verification of the audit log must still find entry %d with that hash: send the
                file to POST /api/v1/audit/verify (or compare it with GET /api/v1/audit/checkpoints). A history
                rewritten after this pack was built no longer matches it.
                """.formatted(
                        key.fingerprint(),
                        key.verifyCommand(PackBuilder.MANIFEST),
                        checkpoint.sequence(),
                        checkpoint.hash(),
                        key.verifyCommand(CHECKPOINT),
                        checkpoint.sequence());
    }
}
