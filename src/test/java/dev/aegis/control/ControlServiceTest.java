package dev.aegis.control;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ControlVocabulary.TestResult;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class ControlServiceTest {

    @Autowired
    ControlService service;

    @Autowired
    AiSystemService systems;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    static ControlDetails details(String title, ImplementationStatus status, Map<Long, MappingStrength> mappings) {
        return new ControlDetails(
                title,
                "Every merge needs two reviewers",
                ControlType.PREVENTIVE,
                "officer",
                status,
                null,
                TestFrequency.QUARTERLY,
                null,
                null,
                mappings,
                Set.of());
    }

    long requirement(String framework, String ref) {
        return catalog.find(framework, ref).orElseThrow().id();
    }

    @Test
    void a_control_that_does_not_apply_says_why() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        ControlDetails na = details("Opacus " + System.nanoTime(), ImplementationStatus.NOT_APPLICABLE, Map.of());
        assertThatThrownBy(() -> service.create(na))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("notApplicableReason");
        ControlDetails withReason = new ControlDetails(
                na.title(),
                na.description(),
                na.type(),
                na.owner(),
                na.status(),
                "We train no models ourselves",
                na.testFrequency(),
                null,
                null,
                Map.of(),
                Set.of());
        assertThat(service.create(withReason).getNotApplicableReason()).isEqualTo("We train no models ourselves");
    }

    @Test
    void a_new_owner_is_an_active_user_and_a_former_one_stays_on_the_control_until_changed() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        ControlDetails d = details("Owned " + System.nanoTime(), ImplementationStatus.PLANNED, Map.of());
        ControlDetails nobody = new ControlDetails(
                d.title(),
                d.description(),
                d.type(),
                "nobody-such-user",
                d.status(),
                null,
                d.testFrequency(),
                null,
                null,
                Map.of(),
                Set.of());
        assertThatThrownBy(() -> service.create(nobody))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("There is no active user \"nobody-such-user\". Choose the control's owner from the list of"
                        + " users.")
                .extracting("field")
                .isEqualTo("owner");

        Control made = service.create(d);
        jdbc.update("update control.control set owner = 'left-last-year' where id = ?", made.getId());
        Control former = service.get(made.getId());
        ControlDetails kept = former.details();
        Control renamed = service.update(
                made.getId(),
                former.getVersion(),
                new ControlDetails(
                        kept.title() + " renamed",
                        kept.description(),
                        kept.type(),
                        kept.owner(),
                        kept.status(),
                        null,
                        kept.testFrequency(),
                        null,
                        null,
                        kept.requirements(),
                        kept.risks()));
        assertThat(renamed.getOwner()).isEqualTo("left-last-year");
    }

    @Test
    void a_test_result_needs_a_date_not_in_the_future() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        ControlDetails d = details("Tested " + System.nanoTime(), ImplementationStatus.IMPLEMENTED, Map.of());
        assertThatThrownBy(() -> service.create(new ControlDetails(
                        d.title(),
                        null,
                        d.type(),
                        null,
                        d.status(),
                        null,
                        d.testFrequency(),
                        null,
                        TestResult.PASSED,
                        Map.of(),
                        Set.of())))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("lastTestedOn");
        assertThatThrownBy(() -> service.create(new ControlDetails(
                        d.title(),
                        null,
                        d.type(),
                        null,
                        d.status(),
                        null,
                        d.testFrequency(),
                        LocalDate.now().plusDays(3),
                        TestResult.PASSED,
                        Map.of(),
                        Set.of())))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("lastTestedOn");
    }

    @Test
    void mappings_name_requirements_that_exist_and_changes_need_the_current_version() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long iso = requirement("ISO-IEC-42001-2023", "A.6.2.4");
        assertThatThrownBy(() -> service.create(details(
                        "Unknown " + System.nanoTime(),
                        ImplementationStatus.PLANNED,
                        Map.of(-5L, MappingStrength.FULL))))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("requirements");
        Control c = service.create(details(
                "Review " + System.nanoTime(), ImplementationStatus.PLANNED, Map.of(iso, MappingStrength.PARTIAL)));
        Control changed = service.update(
                c.getId(),
                c.getVersion(),
                details(c.getTitle(), ImplementationStatus.IMPLEMENTED, Map.of(iso, MappingStrength.FULL)));
        assertThat(changed.details().requirements()).containsEntry(iso, MappingStrength.FULL);
        assertThatThrownBy(() -> service.update(
                        c.getId(), c.getVersion(), details(c.getTitle(), ImplementationStatus.PLANNED, Map.of())))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void auditors_read_the_library_but_cannot_change_it() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        Control c = service.create(details("Read only " + System.nanoTime(), ImplementationStatus.PLANNED, Map.of()));
        for (Role role : List.of(Role.AUDITOR, Role.VENDOR_MANAGER, Role.SYSTEM_OWNER)) {
            TestAccounts.signIn(accounts.create("reader", role));
            assertThat(service.get(c.getId()).getTitle()).isEqualTo(c.getTitle());
            assertThatThrownBy(() -> service.update(
                            c.getId(), c.getVersion(), details("x", ImplementationStatus.PLANNED, Map.of())))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> service.adopt(List.of("SC-01"))).isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void officers_adopt_starter_controls_once_with_their_mappings() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        List<Control> made = service.adopt(List.of("SC-01", "SC-02"));
        List<Control> again = service.adopt(List.of("SC-01", "SC-02"));
        assertThat(again).isEmpty();
        Control sc01 = service.search(
                        new ControlService.Filter("SC-01", null, null, null, null, null),
                        org.springframework.data.domain.PageRequest.of(0, 5))
                .getContent()
                .getFirst();
        assertThat(sc01.getStarterId()).isEqualTo("SC-01");
        if (made.stream().anyMatch(c -> c.getId().equals(sc01.getId()))) {
            assertThat(sc01.getStatus()).isEqualTo(ImplementationStatus.PLANNED); // unless demo data adopted it first
        }
        assertThat(sc01.getStage()).isEqualTo("DATA");
        assertThat(sc01.details().requirements())
                .containsKeys(
                        requirement("ISO-IEC-42001-2023", "A.7.2"),
                        requirement("NIST-AI-RMF-1.0", "MAP 4.1"),
                        requirement("MITRE-ATLAS", "AML.M0025"));
        assertThat(service.starterLibrary())
                .filteredOn(e -> e.control().id().equals("SC-01"))
                .singleElement()
                .extracting(ControlService.StarterEntry::adoptedAs)
                .isEqualTo(sc01.getId());
        assertThat(service.starterLibrary()).hasSizeGreaterThanOrEqualTo(40);
        if (!made.isEmpty()) {
            assertThat(jdbc.queryForList(
                            "select action from audit.audit_entry where object_type = 'Control' and " + "object_id = ?",
                            String.class,
                            String.valueOf(sc01.getId())))
                    .contains("CREATE");
        }
    }

    @Test
    void a_system_owner_records_the_status_of_a_control_on_their_own_systems_only() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(officer);
        AiSystem own = systems.register(diagnosisAssistant("Own " + System.nanoTime(), owner.username()));
        AiSystem other = systems.register(diagnosisAssistant("Other " + System.nanoTime(), "someone-else"));
        Control c = service.create(details("Applied " + System.nanoTime(), ImplementationStatus.PLANNED, Map.of()));
        List<ControlService.Applied> applied = service.apply(c.getId(), List.of(own.getId(), other.getId()), null);
        assertThat(applied).extracting(ControlService.Applied::status).containsOnly(ImplementationStatus.PLANNED);

        TestAccounts.signIn(owner);
        var mine = applied.stream()
                .filter(a -> a.systemId() == own.getId())
                .findFirst()
                .orElseThrow();
        var theirs = applied.stream()
                .filter(a -> a.systemId() == other.getId())
                .findFirst()
                .orElseThrow();
        assertThat(service.recordStatus(
                                c.getId(), own.getId(), mine.version(), ImplementationStatus.IMPLEMENTED, "Rolled out")
                        .status())
                .isEqualTo(ImplementationStatus.IMPLEMENTED);
        assertThatThrownBy(() -> service.recordStatus(
                        c.getId(), other.getId(), theirs.version(), ImplementationStatus.IMPLEMENTED, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.apply(c.getId(), List.of(own.getId()), null))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThat(service.appliedTo(own.getId()))
                .singleElement()
                .extracting(ControlService.Applied::status)
                .isEqualTo(ImplementationStatus.IMPLEMENTED);
        assertThat(jdbc.queryForList(
                        "select actor from audit.audit_entry where object_type = 'ControlApplication' "
                                + "and object_id = ? and action = 'UPDATE'",
                        String.class,
                        String.valueOf(mine.applicationId())))
                .contains(owner.username());
    }

    @Test
    void filters_find_controls_by_system_requirement_and_text() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long iso = requirement("ISO-IEC-42001-2023", "A.6.2.6");
        String tag = "Filter" + System.nanoTime();
        AiSystem s = systems.register(diagnosisAssistant(tag, "officer"));
        Control mapped = service.create(
                details(tag + " mapped", ImplementationStatus.IMPLEMENTED, Map.of(iso, MappingStrength.FULL)));
        Control applied = service.create(details(tag + " applied", ImplementationStatus.PLANNED, Map.of()));
        service.apply(applied.getId(), List.of(s.getId()), null);
        var page = org.springframework.data.domain.PageRequest.of(0, 10);
        assertThat(service.search(new ControlService.Filter(tag, null, null, null, iso, null), page)
                        .getContent())
                .extracting(Control::getId)
                .containsExactly(mapped.getId());
        assertThat(service.search(new ControlService.Filter(tag, null, null, s.getId(), null, null), page)
                        .getContent())
                .extracting(Control::getId)
                .containsExactly(applied.getId());
        assertThat(service.count(
                        new ControlService.Filter(tag, ImplementationStatus.IMPLEMENTED, null, null, null, null)))
                .isEqualTo(1);
    }
}
