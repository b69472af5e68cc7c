package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsRoleService;
import dev.aegis.aims.AimsRoleService.Assignment;
import dev.aegis.aims.AimsRoleService.Holder;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Who holds which AIMS role (ISO/IEC 42001 5.3, A.3.2), chosen from the user directory; a hand-over ends one line and
 * starts another, so the register says who held a role when. Officers assign, auditors read.
 */
@Route("aims/roles")
@PageTitle("AIMS roles · Aegis")
@Menu(order = 26, icon = "vaadin:user-star", title = "AIMS roles")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class AimsRolesView extends VerticalLayout {

    private final transient AimsRoleService roles;
    private final transient AimsDocumentService aims;
    final Grid<Holder> grid = new Grid<>();
    final Paragraph vacant = new Paragraph();
    final Paragraph empty = new Paragraph();
    final Dialog dialog = new Dialog();
    final Select<AimsRole> role = new Select<>();
    ComboBox<String> person;
    final TextArea responsibilities = FormFields.limit(new TextArea("Responsibilities and authorities"), 2000);
    final DatePicker since = FormFields.sensible(new DatePicker("Since"), "The start date");
    final DatePicker until = FormFields.sensible(new DatePicker("Until (at a hand-over)"), "The end date");
    final Button save = new Button("Save");
    private Holder editing;

    AimsRolesView(AimsRoleService roles, AimsDocumentService aims) {
        this.roles = roles;
        this.aims = aims;
        setSizeFull();
        Button assign = new Button("Assign a role", new Icon(VaadinIcon.PLUS), e -> open(null));
        assign.setId("aims-assign-role");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setVisible(aims.mayWrite());
        HorizontalLayout bar = new HorizontalLayout(
                assign,
                Downloads.export(
                        "aims-roles-csv", "aims-roles", TabularFormat.CSV, out -> roles.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-roles-xlsx",
                        "aims-roles",
                        TabularFormat.XLSX,
                        out -> roles.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        configureDialog();
        vacant.setId("aims-vacant-roles");
        empty.setId("aims-empty");
        add(
                new H2("AIMS roles"),
                new Paragraph("Who holds which role in the AI management system and what they answer for (ISO/IEC "
                        + "42001 5.3 and A.3.2). Top management and an AIMS manager named here meet clause 5.3 in "
                        + "Coverage."),
                bar,
                vacant,
                empty,
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-roles");
        grid.getElement().getThemeList().add("wrap-cell-content"); // names and duties wrap instead of ending in "…"
        grid.addColumn(h -> h.role().label())
                .setHeader("Role")
                .setAutoWidth(true)
                .setFlexGrow(0);
        NameCells.add(grid, Holder::name).setHeader("Held by").setWidth("12rem").setFlexGrow(1);
        grid.addColumn(h -> h.responsibilities() == null ? "" : h.responsibilities())
                .setHeader("Responsibilities")
                .setWidth("14rem")
                .setFlexGrow(3)
                .setTooltipGenerator(h -> h.responsibilities() == null ? "" : h.responsibilities());
        grid.addColumn(h -> Dates.day(h.since()))
                .setHeader("Since")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(h -> h.until() == null ? "" : Dates.day(h.until()))
                .setHeader("Until")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(h -> h.current() ? "Current" : "Past")
                .setHeader("Now")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> {
            if (aims.mayWrite()) {
                open(e.getItem());
            }
        });
        grid.setSizeFull();
    }

    private void configureDialog() {
        person = FormFields.people("Held by", aims.people());
        role.setLabel("Role");
        role.setItems(AimsRole.values());
        role.setItemLabelGenerator(AimsRole::label);
        role.setWidthFull();
        person.setWidthFull();
        person.setRequiredIndicatorVisible(true);
        VerticalLayout form = new VerticalLayout(role, person, responsibilities, new HorizontalLayout(since, until));
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        dialog.add(form);
        save.setId("aims-save-role");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }

    void open(Holder holder) {
        editing = holder;
        dialog.setHeaderTitle(holder == null ? "Assign an AIMS role" : "Change the role assignment");
        role.setValue(holder == null ? AimsRole.AIMS_MANAGER : holder.role());
        FormFields.show(person, holder == null ? null : holder.username());
        person.setInvalid(false);
        responsibilities.setValue(holder == null || holder.responsibilities() == null ? "" : holder.responsibilities());
        since.setValue(holder == null ? LocalDate.now() : holder.since());
        until.setValue(holder == null ? null : holder.until());
        until.setInvalid(false);
        dialog.open();
    }

    void save() {
        if (!FormFields.holdsInput(since) || !FormFields.holdsInput(until)) {
            return;
        }
        Assignment a = new Assignment(
                role.getValue(), person.getValue(), responsibilities.getValue(), since.getValue(), until.getValue());
        try {
            if (editing == null) {
                roles.assign(a);
            } else {
                roles.change(editing.id(), editing.version(), a);
            }
            dialog.close();
            AimsUi.done("Saved.");
            refresh();
        } catch (DomainRuleException ex) {
            Map<String, Component> fields =
                    Map.of("role", role, "username", person, "responsibilities", responsibilities, "until", until);
            AimsUi.refuse(ex, fields);
        } catch (OptimisticLockingFailureException ex) {
            dialog.close();
            AimsUi.error("Someone else changed this assignment meanwhile; the list shows it now.");
            refresh();
        }
    }

    void refresh() {
        List<Holder> all = roles.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                aims.mayWrite()
                        ? "Nobody is named to an AIMS role yet. Assign a role: start with top management (the sponsor) and the "
                                + "AI management system manager."
                        : "Nobody is named to an AIMS role yet.");
        List<AimsRole> open = roles.vacant();
        vacant.setText(
                open.isEmpty()
                        ? ""
                        : "Nobody holds: " + open.stream().map(AimsRole::label).collect(Collectors.joining(", "))
                                + ".");
        vacant.setVisible(!open.isEmpty() && !all.isEmpty());
    }
}
