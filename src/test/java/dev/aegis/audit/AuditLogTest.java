package dev.aegis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

@AegisTest
class AuditLogTest {

    @Autowired
    AuditLog log;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Gadgets gadgets;

    @Autowired
    TestAccounts accounts;

    AegisUser auditor;

    @BeforeEach
    void signInAsAuditor() {
        auditor = accounts.create("auditor", Role.AUDITOR);
        TestAccounts.signIn(auditor);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void verify_names_the_first_entry_changed_behind_the_databases_back() {
        long first = log.append("alice", "Thing", "1", "CREATE", Map.of("name", "a"));
        long tampered =
                log.append("alice", "Thing", "1", "UPDATE", Map.of("name", Map.of("before", "a", "after", "b")));
        log.append("alice", "Thing", "1", "DELETE", Map.of());
        assertThat(log.verify().intact()).isTrue();

        String original =
                jdbc.queryForObject("select changes from audit.audit_entry where id = ?", String.class, tampered);
        asSuperuserWithoutTrigger("update audit.audit_entry set changes = '{\"name\":\"x\"}' where id = " + tampered);
        try {
            AuditLog.Verification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenEntry()).isEqualTo(tampered);
            assertThat(v.firstBrokenEntry()).isNotEqualTo(first);
            assertThat(v.entries()).isGreaterThanOrEqualTo(3);
        } finally {
            asSuperuserWithoutTrigger("update audit.audit_entry set changes = '" + original.replace("'", "''")
                    + "' where id = " + tampered);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void verify_catches_a_deleted_entry_at_the_entry_after_it() {
        log.append("bob", "Thing", "2", "CREATE", Map.of());
        long removed = log.append("bob", "Thing", "2", "UPDATE", Map.of());
        long next = log.append("bob", "Thing", "2", "DELETE", Map.of());
        Map<String, Object> row = jdbc.queryForMap("select * from audit.audit_entry where id = ?", removed);
        asSuperuserWithoutTrigger("delete from audit.audit_entry where id = " + removed);
        try {
            assertThat(log.verify().firstBrokenEntry()).isEqualTo(next);
        } finally {
            jdbc.update(
                    "insert into audit.audit_entry (id, occurred_at, actor, object_type, object_id, object_label, "
                            + "action, changes, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"),
                    row.get("occurred_at"),
                    row.get("actor"),
                    row.get("object_type"),
                    row.get("object_id"),
                    row.get("object_label"),
                    row.get("action"),
                    row.get("changes"),
                    row.get("prev_hash"),
                    row.get("hash"));
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void the_database_refuses_to_change_or_delete_audit_entries() {
        long id = log.append("carol", "Thing", "3", "CREATE", Map.of());
        assertThatThrownBy(() -> jdbc.update("update audit.audit_entry set actor = 'mallory' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit.audit_entry where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit.audit_entry")).hasMessageContaining("append-only");
    }

    @Test
    void entries_written_at_once_from_many_threads_form_one_chain() throws Exception {
        // this test's own entries: other modules' scheduled jobs may write theirs meanwhile
        String mine = "select count(*) from audit.audit_entry where object_type = 'Thing' and actor like 'writer-%'";
        long before = jdbc.queryForObject(mine, Long.class);
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < 25; i++) {
                        log.append("writer-" + thread, "Thing", String.valueOf(i), "UPDATE", Map.of("i", i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(jdbc.queryForObject(mine, Long.class)).isEqualTo(before + 100);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void an_audited_entity_change_is_logged_with_before_and_after_and_masked_fields() {
        Gadget saved = tx.execute(s -> gadgets.save(new Gadget("probe", "hunter2", 3)));
        tx.executeWithoutResult(s -> {
            Gadget g = gadgets.findById(saved.id).orElseThrow();
            g.name = "probe-2";
            g.secret = "swordfish";
        });
        tx.executeWithoutResult(s -> gadgets.deleteById(saved.id));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select actor, action, changes from audit.audit_entry "
                        + "where object_type = 'Gadget' and object_id = ? order by id",
                String.valueOf(saved.id));
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE", "DELETE");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo(auditor.username()));
        String update = (String) rows.get(1).get("changes");
        assertThat(update).contains("\"name\":{\"after\":\"probe-2\",\"before\":\"probe\"}");
        assertThat(update).contains("\"secret\":{\"after\":\"***\",\"before\":\"***\"}");
        assertThat(update).doesNotContain("size").doesNotContain("version");
        assertThat(rows.toString()).doesNotContain("hunter2").doesNotContain("swordfish");
    }

    @Test
    void a_change_that_rolls_back_leaves_no_audit_entry() {
        long before =
                jdbc.queryForObject("select count(*) from audit.audit_entry where object_type = 'Gadget'", Long.class);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    gadgets.saveAndFlush(new Gadget("doomed", null, 1));
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Gadget'", Long.class))
                .isEqualTo(before);
    }

    @Test
    void only_admins_and_auditors_read_or_verify_the_log() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        assertThatThrownBy(() -> log.verify()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(
                        () -> log.search(AuditLog.Filter.none(), org.springframework.data.domain.Pageable.ofSize(10)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void csv_export_is_itself_recorded_in_the_log() {
        log.append("dave", "Thing", "9", "CREATE", Map.of("note", "=cmd|' /C calc'!A0"));
        var out = new java.io.StringWriter();
        log.exportCsv(new AuditLog.Filter("dave", null, null, null, null, null), out);
        assertThat(out.toString()).startsWith("id,occurred_at,actor").contains("dave");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'EXPORT' and actor = ?",
                        Long.class,
                        auditor.username()))
                .isEqualTo(1);
    }

    private void asSuperuserWithoutTrigger(String sql) {
        jdbc.execute("alter table audit.audit_entry disable trigger audit_entry_append_only");
        try {
            jdbc.execute(sql);
        } finally {
            jdbc.execute("alter table audit.audit_entry enable trigger audit_entry_append_only");
        }
    }
}
