package dev.aegis.telemetry.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.telemetry.SourceDetails;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetrySource;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Telemetry sources (administrators): the embedded monitor, stand-alone monitors and Prometheus servers the register
 * pulls from, whether each answers, and a form to add or change one. A token is typed once and never shown again.
 */
@Route("telemetry/sources")
@PageTitle("Telemetry sources · Aegis")
@Menu(order = 31, icon = "vaadin:connect", title = "Telemetry sources")
@RolesAllowed("ADMIN")
public class SourcesView extends VerticalLayout {

    private final transient TelemetryService telemetry;
    final Grid<TelemetrySource> grid = new Grid<>();
    final TextField name = new TextField("Name");
    final Select<TelemetrySource.Kind> kind = new Select<>();
    final TextField baseUrl = new TextField("Base URL");
    final PasswordField token = new PasswordField("Token");
    final Button save = new Button("Add source");
    final Button remove = new Button("Remove");
    final Button cancel = new Button("New source");
    private TelemetrySource editing;

    SourcesView(TelemetryService telemetry) {
        this.telemetry = telemetry;
        setId("telemetry-sources");
        configureGrid();
        configureForm();
        add(
                new H2("Telemetry sources"),
                new Paragraph(
                        "Where AI systems' live telemetry and telemetry tests are pulled"
                                + " from. The embedded monitor registers itself as \"embedded\" when it runs in this instance."),
                grid,
                new FormLayout(name, kind, baseUrl, token),
                new HorizontalLayout(save, remove, cancel));
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(TelemetrySource::getName)
                .setHeader("Name")
                .setTooltipGenerator(TelemetrySource::getName)
                .setFlexGrow(1);
        grid.addColumn(s -> kindLabel(s.getKind()))
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(TelemetrySource::getBaseUrl).setHeader("Base URL").setFlexGrow(2);
        grid.addColumn(s -> telemetry.status(s).describe())
                .setHeader("Status")
                .setFlexGrow(2)
                .setTooltipGenerator(s -> telemetry.status(s).describe());
        grid.getElement().getThemeList().add("wrap-cell-content");
        grid.addColumn(s -> breakerLabel(telemetry.status(s).breaker()))
                .setHeader("Calls")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        grid.setAllRowsVisible(true);
    }

    private void configureForm() {
        kind.setLabel("Kind");
        kind.setItems(TelemetrySource.Kind.values());
        kind.setItemLabelGenerator(SourcesView::kindLabel);
        kind.setValue(TelemetrySource.Kind.AEGIS_MONITOR);
        baseUrl.setPlaceholder("https://monitor.example.org");
        token.setHelperText("A monitor token (aegm_…) or a Prometheus bearer token; kept, never shown again");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.setEnabled(false);
        remove.addClickListener(e -> {
            telemetry.removeSource(editing.getId());
            edit(null);
            refresh();
        });
        cancel.addClickListener(e -> edit(null));
    }

    private void save() {
        name.setInvalid(false);
        baseUrl.setInvalid(false);
        token.setInvalid(false);
        SourceDetails d = new SourceDetails(name.getValue(), kind.getValue(), baseUrl.getValue(), token.getValue());
        try {
            if (editing == null) {
                telemetry.addSource(d);
            } else {
                telemetry.changeSource(editing.getId(), editing.getVersion(), d);
            }
            edit(null);
            refresh();
        } catch (DomainRuleException ex) {
            TextField field = "baseUrl".equals(ex.field()) ? baseUrl : "token".equals(ex.field()) ? null : name;
            if (field == null) {
                token.setErrorMessage(ex.getMessage());
                token.setInvalid(true);
            } else {
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            }
        } catch (OptimisticLockingFailureException ex) {
            TelemetryPanel.show("Someone else changed this source meanwhile; it is shown as it is now.");
            refresh();
        }
    }

    private void edit(TelemetrySource s) {
        editing = s;
        token.clear();
        remove.setEnabled(s != null);
        name.setReadOnly(s != null);
        save.setText(s == null ? "Add source" : "Save source");
        name.setValue(s == null ? "" : s.getName());
        baseUrl.setValue(s == null ? "" : s.getBaseUrl());
        kind.setValue(s == null ? TelemetrySource.Kind.AEGIS_MONITOR : s.getKind());
        token.setPlaceholder(s != null && s.hasToken() ? "unchanged (a token is kept)" : "");
    }

    private void refresh() {
        grid.setItems(telemetry.sources());
    }

    /** The kind of a source in words. */
    static String kindLabel(TelemetrySource.Kind kind) {
        return kind == null
                ? ""
                : switch (kind) {
                    case AEGIS_MONITOR -> "Aegis monitor";
                    case PROMETHEUS -> "Prometheus";
                };
    }

    /** The circuit breaker's state in words: whether Aegis calls the source at the moment. */
    static String breakerLabel(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "CLOSED" -> "calling";
            case "OPEN" -> "paused after failures";
            case "HALF_OPEN" -> "trying again";
            default -> dev.aegis.shared.Words.of(state).toLowerCase(java.util.Locale.ROOT);
        };
    }
}
