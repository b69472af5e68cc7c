package dev.aegis.inventory;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static dev.aegis.inventory.AiSystemFixtures.renamed;
import static dev.aegis.inventory.AiSystemFixtures.retired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class AiSystemServiceTest {

    @Autowired
    AiSystemService service;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_system_is_retired_only_with_its_deletion_record() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = service.register(diagnosisAssistant("Triage " + System.nanoTime(), "owner"));
        AiSystemDetails details = system.details();
        assertThatThrownBy(() -> service.update(system.getId(), system.getVersion(), retired(details, false)))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("deletion")
                .extracting("field")
                .isEqualTo("deletionDate");
        AiSystem done = service.update(system.getId(), system.getVersion(), retired(details, true));
        assertThat(done.getStatus()).isEqualTo(Classification.Status.RETIRED);
    }

    @Test
    void a_system_owner_changes_their_own_systems_and_no_others() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem mine = service.register(diagnosisAssistant("Mine " + System.nanoTime(), owner.username()));
        AiSystem theirs = service.register(diagnosisAssistant("Theirs " + System.nanoTime(), "someone-else"));

        TestAccounts.signIn(owner);
        assertThat(service.mayEdit(mine.getId())).isTrue();
        assertThat(service.mayEdit(theirs.getId())).isFalse();
        service.update(mine.getId(), mine.getVersion(), renamed(mine.details(), "Mine, renamed"));
        assertThatThrownBy(() -> service.update(theirs.getId(), theirs.getVersion(), renamed(theirs.details(), "x")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.register(diagnosisAssistant("New", owner.username())))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void auditors_and_vendor_managers_read_but_change_nothing() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = service.register(diagnosisAssistant("Read-only " + System.nanoTime(), "owner"));
        for (Role role : new Role[] {Role.AUDITOR, Role.VENDOR_MANAGER}) {
            TestAccounts.signIn(accounts.create("reader", role));
            assertThat(service.get(system.getId()).getName()).startsWith("Read-only");
            assertThatThrownBy(() -> service.update(system.getId(), system.getVersion(), system.details()))
                    .as(role.name())
                    .isInstanceOfAny(AuthorizationDeniedException.class, AccessDeniedException.class);
            assertThatThrownBy(() -> service.remove(system.getId(), system.getVersion()))
                    .as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void a_stale_copy_is_refused_and_nothing_is_overwritten() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = service.register(diagnosisAssistant("Shared " + System.nanoTime(), "owner"));
        long read = system.getVersion();
        service.update(system.getId(), read, renamed(system.details(), "First writer"));
        assertThatThrownBy(() -> service.update(system.getId(), read, renamed(system.details(), "Second writer")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(service.get(system.getId()).getName()).isEqualTo("First writer");
    }

    @Test
    void a_change_of_a_list_field_lands_in_the_audit_log_with_before_and_after() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem system = service.register(diagnosisAssistant("Categories " + System.nanoTime(), "owner"));
        AiSystemDetails d = system.details();
        AiSystemDetails fewer = new AiSystemDetails(
                d.name(),
                d.purpose(),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                d.lifecycleStage(),
                d.deployment(),
                d.modelType(),
                java.util.Set.of(Classification.DataCategory.PHI),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                d.euAiActTier(),
                d.euAiActRole(),
                d.vendorName(),
                d.status(),
                d.nextReview(),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                d.deletionDate(),
                d.deletionMethod(),
                d.deletionSignedOffBy());
        service.update(system.getId(), system.getVersion(), fewer);
        assertThat(jdbc.queryForList(
                        "select changes from audit.audit_entry where object_type = 'AiSystem' "
                                + "and object_id = ? and action = 'UPDATE'",
                        String.class,
                        String.valueOf(system.getId())))
                .anyMatch(c ->
                        c.contains("\"dataCategories\":{\"after\":\"[PHI]\",\"before\":\"[PERSONAL_DATA, PHI]\"}"));
    }

    @Test
    void every_change_lands_in_the_audit_log_with_before_and_after() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem system = service.register(diagnosisAssistant("Audited " + System.nanoTime(), "owner"));
        service.update(system.getId(), system.getVersion(), renamed(system.details(), "Audited, renamed"));
        var rows = jdbc.queryForList(
                "select action, actor, changes from audit.audit_entry where object_type = 'AiSystem' "
                        + "and object_id = ? order by id",
                String.valueOf(system.getId()));
        assertThat(rows).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo(officer.username()));
        assertThat((String) rows.get(1).get("changes")).contains("\"name\":{\"after\":\"Audited, renamed\"");
    }
}
