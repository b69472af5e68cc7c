package dev.aegis.monitor.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.monitor.Alert;
import dev.aegis.monitor.AlertService;
import dev.aegis.monitor.Deployment;
import dev.aegis.monitor.DeploymentService;
import dev.aegis.monitor.MonitorToken;
import dev.aegis.monitor.MonitorTokenService;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The monitor's start page: the deployments, the alerts open now (refreshed while the page is open), registering a
 * deployment (administrators and governance officers) and the monitor tokens (administrators).
 */
@Route("monitor")
@PageTitle("Monitor · Aegis")
@Menu(order = 30, icon = "vaadin:spark-line", title = "Monitor")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class MonitorView extends VerticalLayout {

    static final int POLL_MS = 10_000;
    private final transient DeploymentService deployments;
    private final transient AlertService alerts;
    private final transient MonitorTokenService tokens;
    private final transient Clock clock;
    final Grid<Deployment> grid = new Grid<>(Deployment.class, false);
    final Grid<Alert> alertGrid = new Grid<>(Alert.class, false);
    final Button register = new Button("Register a deployment", new Icon(VaadinIcon.PLUS));
    final Button manageTokens = new Button("Monitor tokens", new Icon(VaadinIcon.KEY));
    final Paragraph empty = new Paragraph("No deployments yet. Register one here or over the API "
            + "(POST /monitor/v1/deployments with a monitor token), then send its predictions to "
            + "/monitor/v1/deployments/<name>/events.");
    final Dialog dialog = new Dialog();
    final DeploymentForm form = new DeploymentForm();
    private Registration poll;

    MonitorView(
            DeploymentService deployments,
            AlertService alerts,
            MonitorTokenService tokens,
            Clock clock,
            AuthenticationContext auth) {
        this.deployments = deployments;
        this.alerts = alerts;
        this.tokens = tokens;
        this.clock = clock;
        configureGrids();
        configureDialog();
        register.setVisible(auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER"));
        manageTokens.setVisible(auth.hasAnyRole("ADMIN"));
        register.addClickListener(e -> dialog.open());
        manageTokens.addClickListener(e -> new TokensDialog(tokens).open());
        add(
                new H2("Monitor"),
                new HorizontalLayout(register, manageTokens),
                empty,
                grid,
                new H3("Open alerts"),
                alertGrid);
        refresh();
    }

    private void configureGrids() {
        grid.setId("deployments-grid");
        grid.addColumn(Deployment::getName)
                .setHeader("Deployment")
                .setFlexGrow(2)
                .setTooltipGenerator(Deployment::getName);
        grid.addColumn(Deployment::getModelVersion)
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Deployment::getOwner)
                .setHeader("Owner")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> d.getFeatures().size())
                .setHeader("Features")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(d -> d.getReference().toString())
                .setHeader("Compared with")
                .setWidth("14rem")
                .setFlexGrow(1)
                .setTooltipGenerator(d -> d.getReference().toString());
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No deployment is monitored yet. Register one with “Register a deployment”, then send "
                + "its predictions to /monitor/v1/events (see docs/monitor.md).");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                DeploymentView.class, new RouteParameters("name", e.getItem().getName()))));
        alertGrid.setId("alerts-grid");
        alertGrid.setAllRowsVisible(true);
        alertGrid.setEmptyStateText("No open alert: every deployment is within its alert rules.");
        AlertColumns.add(alertGrid, () -> names);
    }

    private Map<Long, String> names = Map.of();

    private void configureDialog() {
        dialog.setHeaderTitle("Register a deployment");
        dialog.setWidth("48rem");
        dialog.add(form);
        Button save = new Button("Register", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }

    void save() {
        try {
            Deployment d = deployments.register(form.details());
            dialog.close();
            Notification.show(
                            "Registered " + d.getName() + " with its default alert rules.",
                            3000,
                            Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainRuleException e) {
            if (!form.mark(e)) {
                Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }

    void refresh() {
        var list = deployments.list();
        grid.setItems(list);
        empty.setVisible(list.isEmpty());
        grid.setVisible(!list.isEmpty());
        names = alerts.deploymentNames();
        Instant now = clock.instant();
        alertGrid.setItems(
                alerts.alerts(null, Alert.State.OPEN, now.minus(Duration.ofDays(3650)), now.plusSeconds(1), 200));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MS);
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }

    /** Making, listing and revoking monitor tokens; a new token is shown once. */
    static final class TokensDialog extends Dialog {
        TokensDialog(MonitorTokenService tokens) {
            setHeaderTitle("Monitor tokens");
            setWidth("44rem");
            Grid<MonitorToken> list = new Grid<>(MonitorToken.class, false);
            list.addColumn(MonitorToken::getName).setHeader("Name");
            list.addColumn(MonitorToken::getPrefix).setHeader("Starts with");
            list.addColumn(t -> t.getRevokedAt() == null ? "active" : "revoked").setHeader("State");
            list.addComponentColumn(t -> {
                Button revoke = new Button("Revoke", e -> {
                    tokens.revoke(t.getId());
                    list.setItems(tokens.list());
                });
                revoke.setEnabled(t.getRevokedAt() == null);
                return revoke;
            });
            list.setItems(tokens.list());
            TextField name = new TextField("Name of a new token");
            Paragraph secret = new Paragraph();
            secret.addClassName("aegis-secret");
            Button make = new Button("Make token", e -> {
                try {
                    var issued = tokens.create(name.getValue());
                    secret.setText(issued.token());
                    name.setInvalid(false);
                    list.setItems(tokens.list());
                } catch (DomainRuleException ex) {
                    name.setErrorMessage(ex.getMessage());
                    name.setInvalid(true);
                }
            });
            add(
                    new Paragraph("Model servers and scripts send telemetry to /monitor/v1 with a monitor token "
                            + "(Authorization: Bearer ...). The token is shown once: copy it now."),
                    new HorizontalLayout(name, make),
                    secret,
                    list);
            getFooter().add(new Button("Close", e -> close()));
        }
    }
}
