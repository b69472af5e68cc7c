package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.InternalAuditService;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Named;
import dev.aegis.aims.InternalAuditService.Plan;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.ui.FormFields;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;

/** Plans an internal audit or changes its plan: title, scope, AI systems and AIMS roles audited, auditors, dates. */
class AuditPlanDialog extends Dialog {

    private final transient InternalAuditService audits;
    private final transient Consumer<AuditView> saved;
    final TextField title = FormFields.limit(new TextField("Title"), 200);
    final TextArea scope = FormFields.limit(new TextArea("Scope"), 4000);
    final MultiSelectComboBox<Named> systems = new MultiSelectComboBox<>("AI systems in scope");
    final MultiSelectComboBox<AimsRole> roles = new MultiSelectComboBox<>("AIMS roles whose area is audited");
    final MultiSelectComboBox<Person> auditors = new MultiSelectComboBox<>("Auditors");
    final DatePicker from = FormFields.sensible(new DatePicker("From"), "The first day");
    final DatePicker to = FormFields.sensible(new DatePicker("To"), "The last day");
    final Button save = new Button("Save");
    private AuditView editing;
    private final List<Person> people;

    AuditPlanDialog(InternalAuditService audits, List<Person> people, Consumer<AuditView> saved) {
        this.audits = audits;
        this.saved = saved;
        this.people = people;
        title.setRequiredIndicatorVisible(true);
        scope.setRequiredIndicatorVisible(true);
        scope.setPlaceholder("What the audit covers: processes, units, locations, the period looked at");
        systems.setItemLabelGenerator(Named::name);
        systems.setItems(audits.systemChoices());
        roles.setItemLabelGenerator(AimsRole::label);
        roles.setItems(AimsRole.values());
        auditors.setItemLabelGenerator(Person::label);
        auditors.setItems(people);
        auditors.setRequiredIndicatorVisible(true);
        auditors.setHelperText("People from the user directory; nobody audits their own area (a system they own, a role"
                + " they hold)");
        from.setRequiredIndicatorVisible(true);
        FormLayout form = new FormLayout(title, scope, systems, roles, auditors, from, to);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(title, 2);
        form.setColspan(scope, 2);
        form.setColspan(systems, 2);
        form.setColspan(roles, 2);
        form.setColspan(auditors, 2);
        form.setWidth("min(44rem, 90vw)");
        add(form);
        save.setId("aims-save-audit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    void open(AuditView audit) {
        editing = audit;
        setHeaderTitle(audit == null ? "Plan an internal audit" : "Change the plan of " + audit.reference());
        title.setValue(audit == null ? "" : audit.title());
        scope.setValue(audit == null ? "" : audit.scope());
        systems.setValue(
                audit == null
                        ? new LinkedHashSet<>()
                        : new LinkedHashSet<>(systems.getListDataView()
                                .getItems()
                                .filter(s -> audit.systems().stream()
                                        .anyMatch(x -> x.key().equals(s.key())))
                                .toList()));
        roles.setValue(audit == null ? new LinkedHashSet<>() : new LinkedHashSet<>(audit.auditedRoles()));
        auditors.setValue(
                audit == null
                        ? new LinkedHashSet<>()
                        : new LinkedHashSet<>(people.stream()
                                .filter(p -> audit.auditors().stream()
                                        .anyMatch(a -> a.key().equalsIgnoreCase(p.username())))
                                .toList()));
        from.setValue(audit == null ? LocalDate.now().plusWeeks(2) : audit.plannedFrom());
        to.setValue(audit == null ? LocalDate.now().plusWeeks(2).plusDays(1) : audit.plannedTo());
        List.of(title, scope).forEach(f -> f.setInvalid(false));
        auditors.setInvalid(false);
        open();
    }

    void save() {
        if (!FormFields.holdsInput(from) || !FormFields.holdsInput(to)) {
            return;
        }
        Plan plan = new Plan(
                title.getValue(),
                scope.getValue(),
                systems.getValue().stream().map(s -> Long.valueOf(s.key())).toList(),
                roles.getValue().stream().sorted().toList(),
                auditors.getValue().stream()
                        .sorted(Comparator.comparing(Person::label))
                        .map(Person::username)
                        .toList(),
                from.getValue(),
                to.getValue());
        try {
            AuditView v = editing == null ? audits.plan(plan) : audits.change(editing.id(), editing.version(), plan);
            close();
            AimsUi.done("Saved " + v.reference() + ".");
            saved.accept(v);
        } catch (DomainRuleException ex) {
            Map<String, Component> fields = Map.of(
                    "title", title,
                    "scope", scope,
                    "auditors", auditors,
                    "systemIds", systems,
                    "plannedFrom", from,
                    "plannedTo", to);
            AimsUi.refuse(ex, fields);
        } catch (OptimisticLockingFailureException ex) {
            close();
            AimsUi.error("Someone else changed this audit meanwhile; the page shows it now.");
            saved.accept(null);
        }
    }
}
