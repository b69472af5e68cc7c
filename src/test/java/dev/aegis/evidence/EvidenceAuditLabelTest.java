package dev.aegis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log names an evidence item by its reference and title, not "Evidence 7". */
@AegisTest
class EvidenceAuditLabelTest {

    @Autowired
    EvidenceService evidence;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void an_evidence_entry_keeps_the_items_reference_and_title() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        EvidenceItem item = evidence.addLink(
                EvidenceServiceTest.details("Penetration test report 2026", officer.username(), Set.of(), Set.of()),
                "https://example.org/pentest-2026");
        assertThat(jdbc.queryForList(
                        "select object_label from audit.audit_entry where object_type = 'Evidence' and object_id = ?",
                        String.class,
                        String.valueOf(item.getId())))
                .isNotEmpty()
                .allSatisfy(
                        label -> assertThat(label).isEqualTo("E-" + item.getId() + " · Penetration test report 2026"));
    }
}
