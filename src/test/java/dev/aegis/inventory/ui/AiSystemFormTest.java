package dev.aegis.inventory.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The AI system form refuses at the field what it cannot keep, and never submits by accident. */
@AegisTest
class AiSystemFormTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService service;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void enter_in_the_date_picker_does_not_submit_the_dialog_but_enter_in_the_name_does() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemsView view = open();
        String name = "Enter test " + System.nanoTime();
        view.openNew();
        Karibu.setValue(view.form.name, name);
        Karibu.setValue(view.form.purpose, "Answers questions");
        Karibu.setValue(view.form.nextReview, LocalDate.now().plusMonths(6));
        MockVaadin.clientRoundtrip(false);

        _fireShortcut(view.form.nextReview, Key.ENTER);
        _fireShortcut(view.form.status, Key.ENTER);
        _fireShortcut(view.form.businessOwner, Key.ENTER);
        _fireShortcut(view.form.purpose, Key.ENTER);
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(registered(name)).isZero();

        _fireShortcut(view.form.name, Key.ENTER);
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(registered(name)).isEqualTo(1);
    }

    @Test
    void a_next_review_in_1900_is_refused_at_the_picker_and_nothing_is_saved() {
        Karibu.signInAndOpen(context, accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemsView view = open();
        String name = "Old review " + System.nanoTime();
        view.openNew();
        Karibu.setValue(view.form.name, name);
        Karibu.setValue(view.form.purpose, "Answers questions");
        Karibu.setValue(view.form.nextReview, LocalDate.of(1900, 1, 1));
        view.form.save.click();
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.form.nextReview.isInvalid()).isTrue();
        assertThat(view.form.nextReview.getValue()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(registered(name)).isZero();
    }

    @Test
    void a_too_long_purpose_and_a_taken_name_are_explained_at_their_fields() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        AiSystem existing =
                service.register(AiSystemFixtures.diagnosisAssistant("Taken " + System.nanoTime(), "owner"));
        Karibu.signInAndOpen(context, officer);
        AiSystemsView view = open();
        view.openNew();
        Karibu.setValue(view.form.name, existing.getName().toUpperCase());
        Karibu.setValue(view.form.purpose, "p".repeat(5012));
        view.form.save.click();
        assertThat(view.form.purpose.isInvalid()).isTrue();
        assertThat(view.form.purpose.getErrorMessage())
                .isEqualTo("The purpose can be at most 4,000 characters. You entered 5,012.");

        Karibu.setValue(view.form.purpose, "Answers questions");
        view.form.save.click();
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage())
                .contains("\"" + existing.getName() + "\"")
                .contains("system " + existing.getId());
        assertThat(view.dialog.isOpened()).isTrue();
    }

    @Test
    void text_inputs_show_their_limit_and_owners_are_chosen_from_the_users_by_display_name() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        AegisUser owner = accounts.create("Dana Owner", Role.SYSTEM_OWNER);
        Karibu.signInAndOpen(context, officer);
        AiSystemsView view = open();
        view.openNew();
        assertThat(view.form.name.getMaxLength()).isEqualTo(200);
        Karibu.setValue(view.form.name, "Twelve chars");
        assertThat(view.form.name.getHelperText()).isEqualTo("12 / 200 characters");
        assertThat(view.form.purpose.getHelperText()).isEqualTo("0 / 4,000 characters");
        assertThat(view.form.purpose.getMaxHeight()).isNotNull();
        assertThat(view.form.businessOwner.isAllowCustomValue()).isFalse();
        assertThat(view.form.businessOwner.getItemLabelGenerator().apply(owner.username()))
                .isEqualTo("Dana Owner (" + owner.username() + ")");
        assertThat(view.dialog
                        .getFooter()
                        .getElement()
                        .getChildren()
                        .anyMatch(e -> e.equals(view.form.save.getElement())))
                .isTrue();
    }

    @Test
    void a_system_owner_sees_the_tier_role_owners_and_status_of_their_system_read_only() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem mine =
                service.register(AiSystemFixtures.diagnosisAssistant("Own " + System.nanoTime(), owner.username()));
        Karibu.signInAndOpen(context, owner);
        AiSystemsView view = open();
        view.open(mine);
        assertThat(view.form.save.isVisible()).isTrue();
        assertThat(view.form.purpose.isReadOnly()).isFalse();
        assertThat(view.form.euAiActTier.isReadOnly()).isTrue();
        assertThat(view.form.euAiActRole.isReadOnly()).isTrue();
        assertThat(view.form.businessOwner.isReadOnly()).isTrue();
        assertThat(view.form.status.isReadOnly()).isTrue();
        assertThat(view.form.euAiActTier.getHelperText()).contains("governance officers");

        Karibu.setValue(view.form.purpose, "A clearer purpose");
        view.form.save.click();
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(service.get(mine.getId()).getEuAiActTier()).isEqualTo(EuAiActTier.HIGH);
        assertThat(service.get(mine.getId()).details().purpose()).isEqualTo("A clearer purpose");
    }

    private long registered(String name) {
        return service.count(new AiSystemService.Filter(name, null, null, null, null));
    }

    private static AiSystemsView open() {
        UI.getCurrent().navigate(AiSystemsView.class);
        return _get(AiSystemsView.class);
    }
}
