package dev.aegis.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.Karibu;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@AegisTest
class AccountViewTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void user_creates_and_revokes_an_api_token_in_account_view() {
        AegisUser auditor = open(accounts.create("auditor", Role.AUDITOR));
        AccountView view = _get(AccountView.class);
        assertThat(_size(view.tokenGrid)).isZero();
        assertThat(view.tokenGrid.getEmptyStateText()).contains("New token");

        _click(_get(Button.class, spec -> spec.withId("new-token")));
        NewTokenDialog dialog = _get(NewTokenDialog.class);
        assertThat(dialog.expiresOn.getValue())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(90));
        Karibu.setValue(dialog.name, "nightly export");
        _click(dialog.create);

        _assertNone(NewTokenDialog.class);
        TextField shown = _get(TextField.class, spec -> spec.withId("issued-token"));
        String token = shown.getValue();
        assertThat(token).startsWith("aeg_");
        assertThat(_get(SecretDialog.class).getElement().getTextRecursively())
                .contains("Copy the token now")
                .contains("shown only this once");
        Http http = new Http(port);
        assertThat(http.get("/api/v1/audit/verify", token).statusCode()).isEqualTo(200);

        _click(_get(Button.class, spec -> spec.withId("issued-token-done")));
        MockVaadin.clientRoundtrip(false);
        _assertNone(SecretDialog.class);
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(token);

        assertThat(_size(view.tokenGrid)).isEqualTo(1);
        assertThat(_getFormatted(view.tokenGrid, 0, "name")).isEqualTo("nightly export");
        assertThat(_getFormatted(view.tokenGrid, 0, "prefix")).isEqualTo(token.substring(0, 12) + "…");
        assertThat(_getFormatted(view.tokenGrid, 0, "status")).isEqualTo("Active");

        Button revoke = _get(_getCellComponent(view.tokenGrid, 0, "actions"), Button.class);
        _click(revoke);
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-revoke-token")));

        assertThat(_getFormatted(view.tokenGrid, 0, "status")).startsWith("Revoked");
        assertThat(http.get("/api/v1/audit/verify", token).statusCode()).isEqualTo(401);
        assertThat(auditor.roles()).containsExactly(Role.AUDITOR);
    }

    @Test
    void a_token_needs_a_name_and_the_message_stands_next_to_the_field() {
        open(accounts.create("nameless", Role.SYSTEM_OWNER));

        _click(_get(Button.class, spec -> spec.withId("new-token")));
        NewTokenDialog dialog = _get(NewTokenDialog.class);
        _click(dialog.create);

        _assertOne(NewTokenDialog.class);
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).startsWith("Name the token");
        _assertNone(SecretDialog.class);
    }

    @Test
    void account_view_shows_who_you_are_and_how_to_secure_the_sign_in() {
        AegisUser officer = open(accounts.create("officer", Role.GOVERNANCE_OFFICER, Role.VENDOR_MANAGER));

        assertThat(_get(Span.class, spec -> spec.withId("account-username")).getText())
                .isEqualTo(officer.username());
        assertThat(_get(Span.class, spec -> spec.withId("account-display-name")).getText())
                .isEqualTo("officer");
        assertThat(_get(Span.class, spec -> spec.withId("account-roles")).getText())
                .isEqualTo("Governance officer, Vendor manager");

        _click(_get(Button.class, spec -> spec.withId("go-two-factor")));
        _assertOne(TwoFactorSetupView.class);

        UI.getCurrent().navigate(AccountView.class);
        _click(_get(Button.class, spec -> spec.withId("go-change-password")));
        _assertOne(ChangePasswordView.class);
    }

    private AegisUser open(AegisUser user) {
        Karibu.signInAndOpen(context, user);
        UI.getCurrent().navigate(AccountView.class);
        _assertOne(AccountView.class);
        return user;
    }
}
