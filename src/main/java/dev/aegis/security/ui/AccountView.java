package dev.aegis.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.security.ApiToken;
import dev.aegis.security.ApiTokenService;
import dev.aegis.security.UserAccount;
import dev.aegis.security.UserService;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One's own account: who Aegis thinks you are, how you sign in, and your personal API tokens. */
@Route("account")
@PageTitle("My account · Aegis")
@Menu(order = 98, icon = "vaadin:user-card", title = "My account")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AccountView extends VerticalLayout {

    private final transient UserService users;
    private final transient ApiTokenService tokens;
    private final transient Clock clock;
    final Grid<ApiToken> tokenGrid = new Grid<>(ApiToken.class, false);
    final Button newToken = new Button("New token", new Icon(VaadinIcon.PLUS));

    AccountView(UserService users, ApiTokenService tokens, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
        setId("account");
        UserAccount me = users.me();
        configureTokenGrid();
        add(
                new H2("My account"),
                profile(me),
                new H3("Signing in"),
                signIn(me),
                new H3("API tokens"),
                new Paragraph("Scripts and other tools call the Aegis API with a personal token. It acts with your "
                        + "roles, so revoke a token as soon as it is no longer needed."),
                newToken,
                tokenGrid);
        refreshTokens();
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    private Component profile(UserAccount me) {
        DescriptionList facts = new DescriptionList();
        facts.setId("account-facts");
        facts.addClassNames("aegis-facts");
        fact(facts, "User name", me.getUsername(), "account-username");
        fact(facts, "Display name", me.getDisplayName(), "account-display-name");
        fact(facts, "E-mail", me.getEmail() == null ? "none" : me.getEmail(), "account-email");
        fact(facts, "Roles", Roles.labels(me.getRoles()), "account-roles");
        return facts;
    }

    private static void fact(DescriptionList list, String term, String value, String id) {
        Span text = new Span(value);
        text.setId(id);
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(text));
    }

    private Component signIn(UserAccount me) {
        if (me.getSource() != UserAccount.Source.LOCAL) {
            return new Paragraph("You sign in through your organisation's identity provider; your password and "
                    + "second factor are managed there.");
        }
        Button password = new Button(
                "Change password",
                new Icon(VaadinIcon.PASSWORD),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ChangePasswordView.class)));
        password.setId("go-change-password");
        Component twoFactor;
        if (me.isTotpEnabled()) {
            Span on = new Span(
                    new Icon(VaadinIcon.CHECK_CIRCLE),
                    new Span("Two-factor sign-in is on. If you lose " + "your phone, an administrator can reset it."));
            on.setId("two-factor-on");
            on.addClassNames("aegis-two-factor-on");
            twoFactor = on;
        } else {
            Button setUp = new Button(
                    "Set up two-factor sign-in",
                    new Icon(VaadinIcon.MOBILE),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(TwoFactorSetupView.class)));
            setUp.setId("go-two-factor");
            twoFactor = setUp;
        }
        HorizontalLayout row = new HorizontalLayout(password, twoFactor);
        row.setWrap(true);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        return row;
    }

    private void configureTokenGrid() {
        newToken.setId("new-token");
        newToken.addClickListener(e -> openNewToken());
        tokenGrid.setId("tokens-grid");
        tokenGrid.addColumn(ApiToken::getName).setHeader("Name").setKey("name").setAutoWidth(true);
        tokenGrid
                .addColumn(t -> t.getPrefix() + "…")
                .setHeader("Starts with")
                .setKey("prefix")
                .setAutoWidth(true)
                .setPartNameGenerator(t -> "aegis-mono");
        tokenGrid
                .addColumn(t -> date(t.getCreatedAt(), ""))
                .setHeader("Created (UTC)")
                .setKey("created")
                .setAutoWidth(true);
        tokenGrid
                .addColumn(t -> date(t.getExpiresAt(), "never"))
                .setHeader("Expires (UTC)")
                .setKey("expires")
                .setAutoWidth(true);
        tokenGrid
                .addColumn(t -> date(t.getLastUsedAt(), "never"))
                .setHeader("Last used (UTC)")
                .setKey("lastUsed")
                .setAutoWidth(true);
        tokenGrid.addColumn(this::status).setHeader("Status").setKey("status").setAutoWidth(true);
        tokenGrid
                .addComponentColumn(this::revokeButton)
                .setHeader("")
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        tokenGrid.setPartNameGenerator(t -> t.isUsableAt(clock.instant()) ? null : "aegis-inactive");
        tokenGrid.setEmptyStateText(
                "You have no API tokens. Make one with New token when a script needs to call " + "the Aegis API.");
        tokenGrid.setAllRowsVisible(true);
        tokenGrid.setWidthFull();
    }

    private Component revokeButton(ApiToken token) {
        if (token.getRevokedAt() != null) {
            return new Span();
        }
        Button revoke = new Button("Revoke", new Icon(VaadinIcon.BAN), e -> confirmRevoke(token));
        revoke.setId("revoke-token-" + token.getId());
        revoke.setAriaLabel("Revoke token " + token.getName());
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    // ---- actions --------------------------------------------------------------------------------------------

    void openNewToken() {
        NewTokenDialog dialog = new NewTokenDialog(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        dialog.addCreateListener(e -> {
            ApiTokenService.IssuedToken issued;
            try {
                Instant expiresAt = e.expiresOn() == null
                        ? null
                        : e.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                issued = tokens.create(e.name(), expiresAt);
            } catch (DomainRuleException rule) {
                dialog.show(rule);
                return;
            }
            dialog.close();
            refreshTokens();
            new SecretDialog(
                            "Token " + issued.name() + " created",
                            "issued-token",
                            "Your API token",
                            issued.token(),
                            "Copy the token now and keep it where your script can read it (a secret store, not the code). "
                                    + "It is shown only this once: Aegis keeps only a hash of it.",
                            "If it is lost, revoke it and make a new one.")
                    .open();
        });
        dialog.open();
    }

    void confirmRevoke(ApiToken token) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-revoke-token");
        dialog.setHeader("Revoke token " + token.getName() + "?");
        dialog.setText("Anything that still uses it is refused from now on. This cannot be undone.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Revoke");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                tokens.revoke(token.getId());
                Notices.done("Token " + token.getName() + " is revoked.");
            } catch (DomainRuleException rule) {
                Notices.refused(rule.getMessage());
            }
            refreshTokens();
        });
        dialog.open();
    }

    private void refreshTokens() {
        tokenGrid.setItems(tokens.mine());
    }

    // ---- presentation ---------------------------------------------------------------------------------------

    String status(ApiToken token) {
        if (token.getRevokedAt() != null) {
            return "Revoked " + UsersView.TIME.format(token.getRevokedAt());
        }
        if (!token.isUsableAt(clock.instant())) {
            return "Expired";
        }
        return "Active";
    }

    private static String date(Instant instant, String none) {
        return instant == null ? none : UsersView.TIME.format(instant);
    }
}
