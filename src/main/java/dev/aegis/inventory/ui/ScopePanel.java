package dev.aegis.inventory.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import dev.aegis.inventory.ScopeService;
import dev.aegis.inventory.ScopeService.Item;
import dev.aegis.inventory.ScopeState;
import dev.aegis.shared.DomainRuleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requirements in one system's scope, grouped by framework, each with the reason Aegis proposed it. Officers
 * confirm all proposed at once or confirm and exclude row by row (an exclusion asks for a justification); everyone
 * else reads.
 */
public class ScopePanel extends VerticalLayout {

    private final transient ScopeService scope;
    private final long systemId;
    private final boolean mayDecide;
    final Paragraph summary = new Paragraph();
    final Button confirmAll = new Button("Confirm all proposed");
    final Button proposeAgain = new Button("Propose again");
    final VerticalLayout groups = new VerticalLayout();
    final Map<String, Grid<Item>> grids = new LinkedHashMap<>();
    final Dialog excludeDialog = new Dialog();
    final TextArea justification = new TextArea("Why does this requirement not apply?");
    final Button excludeConfirm = new Button("Exclude");
    private Item excluding;

    public ScopePanel(ScopeService scope, long systemId) {
        this.scope = scope;
        this.systemId = systemId;
        this.mayDecide = scope.mayDecide();
        setPadding(false);
        configureToolbar();
        configureExcludeDialog();
        groups.setPadding(false);
        add(summary, toolbar(), groups);
        refresh();
    }

    private void configureToolbar() {
        confirmAll.setId("scope-confirm-all");
        confirmAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmAll.addClickListener(e -> {
            int n = scope.confirmAllProposed(systemId);
            notify("Confirmed " + n + " requirement" + (n == 1 ? "" : "s") + ".");
            refresh();
        });
        proposeAgain.setId("scope-propose");
        proposeAgain.addClickListener(e -> {
            ScopeService.Proposal p = scope.propose(systemId);
            notify(p.proposed() + " newly proposed, " + p.dropped() + " dropped, " + p.flagged()
                    + " flagged for review.");
            refresh();
        });
        confirmAll.setVisible(mayDecide);
        proposeAgain.setVisible(mayDecide);
    }

    private Component toolbar() {
        return new HorizontalLayout(confirmAll, proposeAgain);
    }

    private void configureExcludeDialog() {
        excludeDialog.setId("scope-exclude-dialog");
        justification.setWidthFull();
        justification.setId("scope-justification");
        excludeDialog.add(justification);
        excludeConfirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        excludeConfirm.addClickListener(e -> {
            try {
                scope.exclude(systemId, excluding.requirementId(), justification.getValue());
                excludeDialog.close();
                refresh();
            } catch (DomainRuleException ex) {
                justification.setInvalid(true);
                justification.setErrorMessage(ex.getMessage());
            }
        });
        excludeDialog.getFooter().add(new Button("Cancel", e -> excludeDialog.close()), excludeConfirm);
    }

    /** Asks for the justification of excluding this requirement. */
    void askToExclude(Item item) {
        excluding = item;
        excludeDialog.setHeaderTitle("Exclude " + item.refId());
        justification.clear();
        justification.setInvalid(false);
        excludeDialog.open();
    }

    void confirm(Item item) {
        scope.confirm(systemId, List.of(item.requirementId()));
        refresh();
    }

    void refresh() {
        List<Item> items = scope.scope(systemId);
        long proposed =
                items.stream().filter(i -> i.state() == ScopeState.PROPOSED).count();
        long review = items.stream().filter(Item::needsReview).count();
        summary.setText(items.size() + " requirements in scope: " + proposed + " proposed, "
                + items.stream().filter(i -> i.state() == ScopeState.CONFIRMED).count() + " confirmed, "
                + items.stream().filter(i -> i.state() == ScopeState.EXCLUDED).count() + " excluded"
                + (review > 0 ? "; " + review + " confirmed no longer apply and need review." : "."));
        confirmAll.setEnabled(proposed > 0);
        Map<String, List<Item>> byFramework = new LinkedHashMap<>();
        items.forEach(i -> byFramework
                .computeIfAbsent(i.frameworkCode(), k -> new java.util.ArrayList<>())
                .add(i));
        groups.removeAll();
        grids.clear();
        byFramework.forEach((framework, list) -> {
            Grid<Item> grid = grid();
            grid.setItems(list);
            grids.put(framework, grid);
            long open = list.stream()
                    .filter(i -> i.state() == ScopeState.PROPOSED || i.needsReview())
                    .count();
            Details details =
                    new Details(framework + " · " + list.size() + (open > 0 ? " (" + open + " to decide)" : ""), grid);
            details.setWidthFull();
            groups.add(details);
        });
    }

    private Grid<Item> grid() {
        Grid<Item> grid = new Grid<>(Item.class, false);
        grid.addColumn(Item::refId).setHeader("Requirement").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(Item::title).setHeader("Title").setFlexGrow(2).setTooltipGenerator(Item::title);
        grid.addColumn(ScopePanel::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.state() == ScopeState.EXCLUDED ? "Excluded: " + i.exclusionJustification() : i.reason())
                .setHeader("Why")
                .setFlexGrow(3);
        if (mayDecide) {
            grid.addComponentColumn(this::actions)
                    .setHeader("")
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.setHeight("18rem");
        grid.setWidthFull();
        return grid;
    }

    private Component actions(Item item) {
        HorizontalLayout actions = new HorizontalLayout();
        if (item.state() != ScopeState.CONFIRMED) {
            Button confirm = new Button("Confirm", e -> confirm(item));
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(confirm);
        }
        if (item.state() != ScopeState.EXCLUDED) {
            Button exclude = new Button("Exclude", e -> askToExclude(item));
            exclude.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(exclude);
        }
        return actions;
    }

    static String state(Item item) {
        if (item.needsReview()) {
            return "Confirmed · no longer applies, review";
        }
        return switch (item.state()) {
            case PROPOSED -> "Proposed";
            case CONFIRMED -> "Confirmed";
            case EXCLUDED -> "Excluded";
        };
    }

    private static void notify(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** For tests and screen readers: the text of the summary line. */
    String summaryText() {
        return summary.getText();
    }
}
