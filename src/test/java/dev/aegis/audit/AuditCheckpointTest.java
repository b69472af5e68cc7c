package dev.aegis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.crypto.OrganisationKey;
import dev.aegis.shared.crypto.StrangerKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints against someone with the database's superuser rights: each scenario runs as such a superuser
 * would, in SQL against the real database, inside a transaction that holds the chain's lock (so no other entry is
 * appended meanwhile) and is rolled back afterwards.
 */
@AegisTest
class AuditCheckpointTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog log;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TestAccounts accounts;

    @BeforeEach
    void signInAsAuditor() {
        TestAccounts.signIn(accounts.create("checkpoint-auditor", Role.AUDITOR));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_history_rewritten_with_every_later_hash_recomputed_no_longer_matches_a_signed_checkpoint() {
        long rewritten = log.append("alice", "Payment", "7", "CREATE", Map.of("amount", 100));
        log.append("alice", "Payment", "7", "APPROVE", Map.of());
        AuditCheckpoints.Checkpoint checkpoint = checkpoints.sign(AuditCheckpoints.Reason.MANUAL);
        log.append("bob", "Payment", "8", "CREATE", Map.of("amount", 5));
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.check(checkpoint.payload()).matches()).isTrue();

        asSuperuser(() -> {
            jdbc.update("update audit.audit_entry set changes = '{\"amount\":1}' where id = ?", rewritten);
            recomputeEveryHashFrom(rewritten);

            AuditLog.Verification v = log.verify();
            assertThat(v.firstBrokenEntry())
                    .as("the hash chain alone no longer shows it")
                    .isNull();
            assertThat(v.intact()).isFalse();
            assertThat(v.contradictedCheckpoint()).isNotNull();
            assertThat(v.finding()).contains("rewritten");
            AuditLog.CheckpointCheck check = log.check(checkpoint.payload());
            assertThat(check.matches()).isFalse();
            assertThat(check.sequence()).isEqualTo(checkpoint.sequence());
            assertThat(check.finding()).contains("rewritten").contains(checkpoint.hash());
        });

        assertThat(log.verify().intact()).isTrue();
        String auditor = accounts.tokenFor(accounts.create("checkpoint-api-auditor", Role.AUDITOR));
        var answer = new Http(port).post("/api/v1/audit/verify", auditor, checkpoint.payload());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.json(answer).path("matches").asBoolean()).isTrue();
    }

    @Test
    void a_removed_checkpoint_and_an_altered_checkpoint_are_both_named() {
        checkpoints.sign(AuditCheckpoints.Reason.MANUAL);
        log.append("carol", "Thing", "3", "CREATE", Map.of());
        AuditCheckpoints.Checkpoint middle = checkpoints.sign(AuditCheckpoints.Reason.MANUAL);
        log.append("carol", "Thing", "3", "UPDATE", Map.of());
        checkpoints.sign(AuditCheckpoints.Reason.MANUAL);

        asSuperuser(() -> {
            jdbc.update("delete from audit.checkpoint where id = ?", middle.id());
            assertThat(log.verify().intact()).isFalse();
            assertThat(log.verify().finding()).contains("a checkpoint was removed");
        });
        asSuperuser(() -> {
            jdbc.update(
                    "update audit.checkpoint set payload = replace(payload, '\"MANUAL\"', '\"DAILY\"') where id = ?",
                    middle.id());
            assertThat(log.verify().finding())
                    .contains("Checkpoint #" + middle.id())
                    .contains("signature does not verify");
        });
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void a_checkpoint_signed_by_another_valid_key_is_refused_naming_the_fingerprint_mismatch() throws Exception {
        AuditCheckpoints.Checkpoint genuine = checkpoints.sign(AuditCheckpoints.Reason.MANUAL);
        OrganisationKey stranger = StrangerKeys.freshKey();
        String forged = genuine.payload().replace(genuine.keyFingerprint(), stranger.fingerprint());
        byte[] signature = stranger.sign(forged.getBytes(StandardCharsets.UTF_8));
        assertThat(OrganisationKey.verify(
                        stranger.certificatePem(), forged.getBytes(StandardCharsets.UTF_8), signature))
                .as("the forged checkpoint's signature is valid in itself")
                .isTrue();

        asSuperuser(() -> {
            jdbc.update(
                    "insert into audit.checkpoint (sequence, entries, head_hash, signed_at, reason, payload, "
                            + "signature, certificate, key_fingerprint) values (?, ?, ?, now(), 'MANUAL', ?, ?, ?, ?)",
                    genuine.sequence(),
                    genuine.entries(),
                    genuine.hash(),
                    forged,
                    Base64.getEncoder().encodeToString(signature),
                    stranger.certificatePem(),
                    stranger.fingerprint());
            AuditLog.Verification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.finding())
                    .contains("fingerprints do not match")
                    .contains(stranger.fingerprint())
                    .contains(genuine.keyFingerprint());
        });

        AuditLog.CheckpointCheck handedOver = log.check(forged);
        assertThat(handedOver.matches()).isFalse();
        assertThat(handedOver.finding()).contains("fingerprints do not match").contains(stranger.fingerprint());
        assertThat(log.check(genuine.payload()).matches()).isTrue();
    }

    @Test
    void checkpoints_refuse_change_and_a_check_refuses_what_is_no_checkpoint() {
        AuditCheckpoints.Checkpoint c = checkpoints.sign(AuditCheckpoints.Reason.MANUAL);
        assertThatThrownBy(() -> jdbc.update("delete from audit.checkpoint where id = ?", c.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> log.check("{\"sequence\": 1}")).isInstanceOf(DomainRuleException.class);
    }

    /** Runs {@code change} as a superuser who disabled the append-only triggers, then undoes everything. */
    private void asSuperuser(Runnable change) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, AuditLog.CHAIN_LOCK);
            jdbc.execute("set local session_replication_role = replica");
            try {
                change.run();
            } finally {
                status.setRollbackOnly();
            }
        });
    }

    private void recomputeEveryHashFrom(long first) {
        List<String> before = jdbc.queryForList(
                "select hash from audit.audit_entry where id < ? order by id desc limit 1", String.class, first);
        String prev = before.isEmpty() ? AuditChain.GENESIS : before.getFirst();
        for (Map<String, Object> r :
                jdbc.queryForList("select * from audit.audit_entry where id >= ? order by id", first)) {
            long id = ((Number) r.get("id")).longValue();
            String hash = AuditChain.hash(
                    prev,
                    id,
                    ((java.sql.Timestamp) r.get("occurred_at")).toInstant(),
                    (String) r.get("actor"),
                    (String) r.get("object_type"),
                    (String) r.get("object_id"),
                    (String) r.get("action"),
                    (String) r.get("changes"),
                    (String) r.get("object_label"));
            jdbc.update("update audit.audit_entry set prev_hash = ?, hash = ? where id = ?", prev, hash, id);
            prev = hash;
        }
    }
}
