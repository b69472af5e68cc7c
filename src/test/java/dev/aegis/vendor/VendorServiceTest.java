package dev.aegis.vendor;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static dev.aegis.vendor.VendorFixtures.llmProvider;
import static dev.aegis.vendor.VendorFixtures.renamed;
import static dev.aegis.vendor.VendorFixtures.withDpa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class VendorServiceTest {

    @Autowired
    VendorService service;

    @Autowired
    AiSystemService systems;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_vendor_manager_registers_a_vendor_with_its_dependent_systems_and_the_audit_log_has_it() {
        long system = system();
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        Vendor vendor = service.register(llmProvider("LLM Co " + System.nanoTime(), Set.of(system)));

        Vendor read = service.get(vendor.getId());
        assertThat(read.details().systems()).containsExactly(system);
        assertThat(read.details().processingCountries()).containsExactlyInAnyOrder("IE", "US");
        assertThat(read.details().contacts()).extracting(Contact::email).containsExactly("dana@llm.example");
        assertThat(read.getTier()).isEqualTo(Level.HIGH);
        assertThat(read.getRiskScore()).isNull();
        assertThat(service.search(new VendorService.Filter(null, null, null, null, "us", system), Pageable.unpaged())
                        .map(Vendor::getId))
                .containsExactly(vendor.getId());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Vendor' "
                                + "and object_id = ? and action = 'CREATE'",
                        Long.class,
                        String.valueOf(vendor.getId())))
                .isEqualTo(1);
    }

    @Test
    void a_signed_agreement_needs_its_date_and_countries_are_iso_codes() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        VendorDetails d = llmProvider("Dated " + System.nanoTime(), Set.of());
        assertThatThrownBy(() -> service.register(withDpa(d, DpaStatus.SIGNED, null)))
                .isInstanceOf(DomainRuleException.class)
                .satisfies(e -> assertThat(((DomainRuleException) e).field()).isEqualTo("dpaSignedOn"));
        assertThatThrownBy(() -> service.register(
                        withDpa(d, DpaStatus.SIGNED, LocalDate.now().plusDays(3))))
                .hasMessageContaining("has come");
        VendorDetails nowhere = new VendorDetails(
                d.name(),
                null,
                null,
                null,
                Level.LOW,
                Set.of("Atlantis"),
                null,
                null,
                DpaStatus.NONE,
                null,
                false,
                false,
                null,
                null,
                null);
        assertThatThrownBy(() -> service.register(nowhere)).hasMessageContaining("Atlantis");
    }

    @Test
    void names_are_unique_and_unknown_systems_are_refused() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String name = "Unique " + System.nanoTime();
        service.register(llmProvider(name, Set.of()));
        assertThatThrownBy(() -> service.register(llmProvider(name.toUpperCase(), Set.of())))
                .hasMessageContaining("already a vendor");
        assertThatThrownBy(() -> service.register(llmProvider("Other " + name, Set.of(-5L))))
                .hasMessageContaining("no AI system -5");
    }

    @Test
    void a_stale_change_is_refused_and_changing_a_certificate_expiry_is_kept() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        VendorDetails d = llmProvider("Stale " + System.nanoTime(), Set.of());
        Vendor vendor = service.register(d);
        long version = vendor.getVersion();
        LocalDate later = LocalDate.now().plusYears(2);
        VendorDetails renewed = new VendorDetails(
                d.name(),
                d.services(),
                d.aiProducts(),
                d.contacts(),
                d.criticality(),
                d.processingCountries(),
                d.storageCountries(),
                d.subProcessors(),
                d.dpaStatus(),
                d.dpaSignedOn(),
                d.meetsGdpr(),
                d.meetsCcpa(),
                List.of(new Certification(VendorVocabulary.CertificationType.ISO_27001, later)),
                d.systems(),
                "renewed");
        Vendor changed = service.update(vendor.getId(), version, renewed);
        assertThat(service.get(changed.getId()).details().certifications())
                .extracting(Certification::expiresOn)
                .containsExactly(later);
        assertThatThrownBy(() -> service.update(vendor.getId(), version, renamed(d, d.name() + " 2")))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void governance_officers_and_auditors_read_but_do_not_write_and_system_owners_do_not_read() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        Vendor vendor = service.register(llmProvider("Readable " + System.nanoTime(), Set.of()));
        for (Role reader : List.of(Role.GOVERNANCE_OFFICER, Role.AUDITOR)) {
            TestAccounts.signIn(accounts.create("reader", reader));
            assertThat(service.get(vendor.getId()).getName()).startsWith("Readable");
            assertThatThrownBy(() -> service.register(llmProvider("No " + System.nanoTime(), Set.of())))
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
        TestAccounts.signIn(accounts.create("owner", Role.SYSTEM_OWNER));
        assertThatThrownBy(() -> service.get(vendor.getId())).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void the_tier_follows_criticality_and_the_score() {
        assertThat(VendorVocabulary.tier(Level.HIGH, null)).isEqualTo(Level.HIGH);
        assertThat(VendorVocabulary.tier(Level.HIGH, 85)).isEqualTo(Level.MEDIUM);
        assertThat(VendorVocabulary.tier(Level.HIGH, 60)).isEqualTo(Level.HIGH);
        assertThat(VendorVocabulary.tier(Level.HIGH, 30)).isEqualTo(Level.CRITICAL);
        assertThat(VendorVocabulary.tier(Level.LOW, 95)).isEqualTo(Level.LOW);
        assertThat(VendorVocabulary.tier(Level.CRITICAL, 10)).isEqualTo(Level.CRITICAL);
    }

    private long system() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long id = systems.register(diagnosisAssistant("Vendor-backed " + System.nanoTime(), "someone"))
                .getId();
        TestAccounts.signOut();
        return id;
    }
}
