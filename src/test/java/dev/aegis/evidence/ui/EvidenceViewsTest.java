package dev.aegis.evidence.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.evidence.EvidenceDetails;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.evidence.EvidenceKind;
import dev.aegis.evidence.EvidenceService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class EvidenceViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    EvidenceService evidence;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_officer_adds_a_file_checks_the_fields_and_finds_it_in_the_register() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate(EvidenceView.class);
        EvidenceView view = _get(EvidenceView.class);
        view.openNew();
        Karibu.setValue(view.form.title, "");
        view.save.click();
        assertThat(view.form.title.isInvalid()).isTrue();
        assertThat(view.dialog.isOpened()).isTrue();

        String title = "Bias audit " + System.nanoTime();
        Karibu.setValue(view.form.title, title);
        Karibu.setValue(view.form.effectiveFrom, LocalDate.now().minusDays(5));
        Karibu.setValue(view.form.effectiveTo, LocalDate.now().minusDays(10));
        view.save.click();
        assertThat(view.form.effectiveTo.isInvalid()).isTrue();
        Karibu.setValue(view.form.effectiveTo, LocalDate.now().minusDays(1));

        view.receive("audit.pdf", "%PDF-1.4\n% bias audit\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(view.uploaded.getText()).contains("application/pdf").contains("SHA-256");
        view.save.click();
        assertThat(view.dialog.isOpened()).isFalse();
        _get(EvidenceItemView.class);

        UI.getCurrent().navigate(EvidenceView.class);
        EvidenceView register = _get(EvidenceView.class);
        Karibu.setValue(register.text, title);
        assertThat(_size(register.grid)).isEqualTo(1);
    }

    @Test
    void an_auditor_sees_an_item_with_its_versions_but_no_buttons_that_change_it() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        EvidenceItem item = evidence.addLink(
                new EvidenceDetails(
                        "Model card " + System.nanoTime(),
                        null,
                        "alice",
                        LocalDate.now(),
                        null,
                        null,
                        LocalDate.now().plusDays(3),
                        Set.of(),
                        Set.of(),
                        Set.of()),
                "https://example.org/card");
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        Karibu.navigate("evidence/" + item.getId());
        EvidenceItemView view = _get(EvidenceItemView.class);
        assertThat(view.heading.getText()).isEqualTo(item.getTitle());
        assertThat(_size(view.versions)).isEqualTo(1);
        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.review.isVisible()).isFalse();
        assertThat(view.newVersion.isVisible()).isFalse();
        assertThat(view.form.title.isReadOnly()).isTrue();

        UI.getCurrent().navigate(EvidenceView.class);
        EvidenceView register = _get(EvidenceView.class);
        assertThat(register.create.isVisible()).isFalse();
        Karibu.setValue(register.text, item.getTitle());
        Karibu.setValue(register.expiring, true);
        assertThat(_size(register.grid)).isEqualTo(1);
        Karibu.setValue(register.kind, EvidenceKind.FILE);
        assertThat(_size(register.grid)).isZero();
    }
}
