package dev.aegis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log names objects as people read them, kept at record time, and the label is part of the chain. */
@AegisTest
class AuditObjectLabelTest {

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

    @BeforeEach
    void signIn() {
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void each_entry_names_the_object_as_it_was_called_when_the_entry_was_written() {
        Gadget saved = tx.execute(s -> gadgets.save(new Gadget("Kettle", null, 1)));
        tx.executeWithoutResult(s -> gadgets.findById(saved.id).orElseThrow().name = "Teapot");

        List<AuditEntry> entries = log.search(
                        new AuditLog.Filter(null, "Gadget", String.valueOf(saved.id), null, null, null),
                        PageRequest.of(0, 10, Sort.by("id")))
                .getContent();
        assertThat(entries).extracting(AuditEntry::getObjectLabel).containsExactly("Kettle", "Teapot");
        assertThat(entries)
                .extracting(e -> AuditVocabulary.object(e.getObjectType(), e.getObjectId(), e.getObjectLabel()))
                .containsExactly("Gadget Kettle", "Gadget Teapot");
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void an_entry_from_before_labels_were_kept_reads_its_type_and_number() {
        assertThat(AuditVocabulary.object("Evidence", "7", null)).isEqualTo("Evidence #7");
        assertThat(AuditVocabulary.object("AiSystem", null, null)).isEqualTo("AI system");
        long old = log.append("alice", "Evidence", "7", "REVIEW", Map.of());
        assertThat(jdbc.queryForObject("select object_label from audit.audit_entry where id = ?", String.class, old))
                .isNull();
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void a_label_changed_behind_the_databases_back_breaks_the_chain_at_that_entry() {
        long labelled = log.append("alice", "Gadget", "99", "Lamp", "CREATE", Map.of());
        assertThat(log.verify().intact()).isTrue();
        jdbc.execute("alter table audit.audit_entry disable trigger audit_entry_append_only");
        try {
            jdbc.update("update audit.audit_entry set object_label = 'Torch' where id = ?", labelled);
            assertThat(log.verify().firstBrokenEntry()).isEqualTo(labelled);
        } finally {
            jdbc.update("update audit.audit_entry set object_label = 'Lamp' where id = ?", labelled);
            jdbc.execute("alter table audit.audit_entry enable trigger audit_entry_append_only");
        }
        assertThat(log.verify().intact()).isTrue();
    }
}
