package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.Certification;
import dev.aegis.vendor.ReassessmentInterval;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorDetails;
import dev.aegis.vendor.VendorFixtures;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class VendorsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    VendorService vendors;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void a_vendor_manager_registers_a_vendor_from_the_form_and_finds_it() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        VendorsView view = open();
        String name = "Form vendor " + System.nanoTime();
        view.openNew();
        Karibu.setValue(view.form.name, name);
        Karibu.setValue(view.form.contacts, "Dana Reyes; dana@llm.example; ; Account manager");
        Karibu.setValue(view.form.processingCountries, Set.of("FR"));
        Karibu.setValue(
                view.form.certifications.get(CertificationType.SOC_2),
                LocalDate.now().plusYears(1));
        view.form.save.click();
        assertThat(view.dialog.isOpened()).isFalse();
        Karibu.setValue(view.text, name);
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void a_vendor_manager_chooses_the_reassessment_interval_and_a_later_save_keeps_it() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Interval " + System.nanoTime(), Set.of()));
        VendorsView view = open();
        view.open(vendor);
        assertThat(view.reassessment.getValue()).isNull();
        assertThat(view.reassessment.getHelperText()).startsWith("Yearly (by criticality)");

        Karibu.setValue(view.reassessment, ReassessmentInterval.SIX_MONTHS);
        view.form.save.click();

        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(vendors.get(vendor.getId()).reassessmentInterval()).isEqualTo(ReassessmentInterval.SIX_MONTHS);
    }

    @Test
    void a_certificate_near_expiry_shows_a_badge_in_the_list() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        String name = "Badge " + System.nanoTime();
        var d = VendorFixtures.llmProvider(name, Set.of());
        vendors.register(new VendorDetails(
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
                List.of(new Certification(
                        CertificationType.ISO_42001, LocalDate.now().plusDays(12))),
                d.systems(),
                d.notes()));
        VendorsView view = open();
        Karibu.setValue(view.text, name);
        var badge = (com.vaadin.flow.component.html.Span)
                com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(view.grid, 0, "certificates");
        assertThat(badge.getText()).isEqualTo("ISO/IEC 42001 expires in 12 days");
    }

    @Test
    void missing_and_broken_fields_are_shown_at_the_field() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        VendorsView view = open();
        view.openNew();
        Karibu.setValue(view.form.contacts, "Dana; not-an-address");
        view.form.save.click();
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).isEqualTo("Name the vendor.");
        assertThat(view.form.contacts.isInvalid()).isTrue();
        assertThat(view.dialog.isOpened()).isTrue();

        Karibu.setValue(view.form.name, "Unsigned " + System.nanoTime());
        Karibu.setValue(view.form.contacts, "");
        Karibu.setValue(view.form.dpaStatus, DpaStatus.SIGNED);
        view.form.save.click();
        assertThat(view.form.dpaSignedOn.isInvalid()).isTrue();
        assertThat(view.dialog.isOpened()).isTrue();
    }

    @Test
    void an_auditor_sees_the_register_read_only() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        VendorsView view = open();
        assertThat(view.register.isVisible()).isFalse();
    }

    private static VendorsView open() {
        UI.getCurrent().navigate(VendorsView.class);
        return _get(VendorsView.class);
    }
}
