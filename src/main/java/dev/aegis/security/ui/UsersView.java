package dev.aegis.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.aegis.security.Role;
import dev.aegis.security.RolePolicy;
import dev.aegis.security.UserAccount;
import dev.aegis.security.UserService;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * User administration: who may sign in, with which roles, and which roles need a second factor. Every change goes
 * through {@link UserService}, which holds the rules (the last administrator stays, nobody deactivates themselves).
 */
@Route("admin/users")
@PageTitle("Users · Aegis")
@Menu(order = 95, icon = "vaadin:users", title = "Users")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final transient UserService users;
    private final transient Clock clock;
    final TextField search = new TextField();
    final Button newUser = new Button("New user", new Icon(VaadinIcon.PLUS));
    final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);
    final Map<Role, Checkbox> twoFactorRequired = new EnumMap<>(Role.class);

    UsersView(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
        setSizeFull();
        configureGrid();
        add(new H2("Users"), toolbar(), grid, twoFactorPolicies());
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    private Component toolbar() {
        search.setId("user-search");
        search.setPlaceholder("Search by user name or display name");
        search.setAriaLabel("Search users");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("22rem");
        search.addValueChangeListener(e -> {
            updateEmptyState();
            grid.getDataProvider().refreshAll();
        });
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newUser.addClickListener(e -> openNewUser());
        HorizontalLayout bar = new HorizontalLayout(search, newUser);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private void configureGrid() {
        grid.setId("users-grid");
        // names and states wrap rather than push the last columns out of view at 1280 px
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(UserAccount::getUsername)
                .setHeader("User name")
                .setKey("username")
                .setSortProperty("username")
                .setAutoWidth(true);
        grid.addColumn(UserAccount::getDisplayName)
                .setHeader("Display name")
                .setKey("displayName")
                .setSortProperty("displayName")
                .setWidth("9rem")
                .setFlexGrow(2);
        grid.addColumn(u -> Roles.labels(u.getRoles()))
                .setHeader("Roles")
                .setKey("roles")
                .setWidth("8rem")
                .setFlexGrow(1);
        grid.addColumn(u -> u.getSource() == UserAccount.Source.LOCAL ? "Local" : "Identity provider")
                .setHeader("Source")
                .setKey("source")
                .setSortProperty("source")
                .setAutoWidth(true);
        grid.addColumn(this::status)
                .setHeader("Status")
                .setKey("status")
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(u -> u.isTotpEnabled() ? "On" : "Off")
                .setHeader("Two-factor")
                .setKey("twoFactor")
                .setSortProperty("totpEnabled")
                .setAutoWidth(true);
        grid.addColumn(u -> u.getLastSignInAt() == null ? "never" : TIME.format(u.getLastSignInAt()))
                .setHeader("Last sign-in (UTC)")
                .setKey("lastSignIn")
                .setSortProperty("lastSignInAt")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setHeader("Actions")
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setPartNameGenerator(u -> u.isEnabled() ? null : "aegis-inactive");
        grid.setItems(
                query -> users.search(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) users.count(search.getValue()));
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("username"), SortDirection.ASCENDING)));
        grid.setMinHeight("16rem");
        grid.setWidthFull();
        setFlexGrow(1, grid);
        updateEmptyState();
    }

    private Component twoFactorPolicies() {
        VerticalLayout section = new VerticalLayout();
        section.setId("two-factor-policies");
        section.setPadding(false);
        section.setSpacing(false);
        section.add(
                new H3("Two-factor sign-in per role"),
                new Paragraph("Anyone with a checked role must set up an "
                        + "authenticator app at their next sign-in before they can do anything else. People who sign in "
                        + "through the identity provider are not affected."));
        HorizontalLayout boxes = new HorizontalLayout();
        boxes.setWrap(true);
        for (RolePolicy policy : users.rolePolicies()) {
            Role role = policy.getRole();
            Checkbox box = new Checkbox(role.label(), policy.isTotpRequired());
            box.setId("require-two-factor-" + role.name());
            box.addValueChangeListener(e -> {
                if (!e.isFromClient()) {
                    return;
                }
                try {
                    users.requireTwoFactor(role, e.getValue());
                    Notices.done(
                            e.getValue()
                                    ? role.label() + "s now need two-factor sign-in."
                                    : role.label() + "s no longer need two-factor sign-in.");
                } catch (DomainRuleException ex) {
                    box.setValue(e.getOldValue());
                    Notices.refused(ex.getMessage());
                }
            });
            twoFactorRequired.put(role, box);
            boxes.add(box);
        }
        section.add(boxes);
        return section;
    }

    private Component actions(UserAccount user) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        String name = user.getUsername();
        row.add(action(
                "Roles",
                VaadinIcon.KEY,
                "edit-roles-" + user.getId(),
                "Change the roles of " + name,
                () -> openRoles(user)));
        if (user.isEnabled()) {
            row.add(action(
                    "Deactivate",
                    VaadinIcon.BAN,
                    "deactivate-" + user.getId(),
                    "Deactivate " + name,
                    () -> confirmDeactivate(user)));
            if (user.isLockedAt(clock.instant())) {
                row.add(action(
                        "Unlock",
                        VaadinIcon.UNLOCK,
                        "unlock-" + user.getId(),
                        "Unlock " + name,
                        () -> activate(user, name + " is unlocked.")));
            }
        } else {
            row.add(action(
                    "Activate",
                    VaadinIcon.CHECK,
                    "activate-" + user.getId(),
                    "Activate " + name,
                    () -> activate(user, name + " can sign in again.")));
        }
        if (user.getSource() == UserAccount.Source.LOCAL) {
            row.add(action(
                    "Reset password",
                    VaadinIcon.PASSWORD,
                    "reset-password-" + user.getId(),
                    "Reset the password of " + name,
                    () -> confirmResetPassword(user)));
        }
        if (user.isTotpEnabled()) {
            row.add(action(
                    "Reset two-factor",
                    VaadinIcon.MOBILE,
                    "reset-two-factor-" + user.getId(),
                    "Reset two-factor sign-in of " + name,
                    () -> confirmResetTwoFactor(user)));
        }
        return row;
    }

    private static Button action(String text, VaadinIcon icon, String id, String ariaLabel, Runnable run) {
        Button button = new Button(text, new Icon(icon), e -> run.run());
        button.setId(id);
        button.setAriaLabel(ariaLabel);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    // ---- actions --------------------------------------------------------------------------------------------

    void openNewUser() {
        NewUserDialog dialog = new NewUserDialog();
        dialog.addCreateListener(e -> {
            UserService.OneTimePassword created;
            try {
                created = users.create(e.request());
            } catch (DomainRuleException rule) {
                dialog.show(rule);
                return;
            }
            dialog.close();
            grid.getDataProvider().refreshAll();
            showOneTimePassword("User " + created.username() + " created", created);
        });
        dialog.open();
    }

    void openRoles(UserAccount user) {
        RolesDialog dialog = new RolesDialog(user.getUsername(), user.getRoles());
        dialog.addSaveListener(e -> {
            try {
                users.assignRoles(user.getId(), e.roles());
            } catch (DomainRuleException rule) {
                dialog.refuse(rule.getMessage());
                return;
            }
            dialog.close();
            grid.getDataProvider().refreshAll();
            Notices.done("Roles of " + user.getUsername() + " saved. They apply from their next click.");
        });
        dialog.open();
    }

    void confirmDeactivate(UserAccount user) {
        confirm(
                "confirm-deactivate",
                "Deactivate " + user.getUsername() + "?",
                "They can no longer sign in, and their API tokens stop working. Their records and audit entries "
                        + "stay. You can activate the account again later.",
                "Deactivate",
                () -> {
                    users.deactivate(user.getId());
                    Notices.done(user.getUsername() + " is deactivated.");
                });
    }

    void activate(UserAccount user, String message) {
        attempt(() -> {
            users.activate(user.getId());
            Notices.done(message);
        });
    }

    void confirmResetPassword(UserAccount user) {
        confirm(
                "confirm-reset-password",
                "Reset the password of " + user.getUsername() + "?",
                "Their current password stops working at once. You will see a new one-time password once; they "
                        + "must replace it at their next sign-in. A lock after failed sign-ins is lifted too.",
                "Reset password",
                () -> showOneTimePassword("New password for " + user.getUsername(), users.resetPassword(user.getId())));
    }

    void confirmResetTwoFactor(UserAccount user) {
        confirm(
                "confirm-reset-two-factor",
                "Reset two-factor sign-in of " + user.getUsername() + "?",
                "Use this when they lost their phone. Their authenticator app stops working for Aegis; if their "
                        + "role requires two-factor sign-in, they set it up again at their next sign-in.",
                "Reset two-factor",
                () -> {
                    users.resetTwoFactor(user.getId());
                    Notices.done("Two-factor sign-in of " + user.getUsername() + " is reset.");
                });
    }

    private void showOneTimePassword(String title, UserService.OneTimePassword otp) {
        new SecretDialog(
                        title,
                        "one-time-password",
                        "One-time password for " + otp.username(),
                        otp.password(),
                        "Give this password to " + otp.username()
                                + " in a safe way (not in the same e-mail as the user "
                                + "name). It is shown only now: Aegis keeps only a hash of it.",
                        "It must be changed at the first sign-in.")
                .open();
    }

    private void confirm(String id, String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> attempt(action));
        dialog.open();
    }

    /** Runs an action; a broken rule becomes a message, and the grid shows the new state either way. */
    private void attempt(Runnable action) {
        try {
            action.run();
        } catch (DomainRuleException rule) {
            Notices.refused(rule.getMessage());
        } finally {
            grid.getDataProvider().refreshAll();
        }
    }

    // ---- presentation ---------------------------------------------------------------------------------------

    String status(UserAccount user) {
        if (!user.isEnabled()) {
            return "Deactivated";
        }
        if (user.isLockedAt(clock.instant())) {
            return "Locked until " + TIME.format(user.getLockedUntil()) + " UTC";
        }
        return user.isMustChangePassword() ? "Active (must change password)" : "Active";
    }

    private void updateEmptyState() {
        String text = search.getValue().isBlank()
                ? "No users yet. Add the first one with New user."
                : "No user name or display name contains “" + search.getValue().trim()
                        + "”. Clear the search, or add the person with New user.";
        grid.setEmptyStateText(text);
    }
}
