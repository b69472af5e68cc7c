package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.aegis.euaiact.ActWords;
import dev.aegis.euaiact.ClassificationRecord;
import dev.aegis.euaiact.ClassificationService;
import dev.aegis.euaiact.ClassificationService.DutyStatus;
import dev.aegis.euaiact.ClassificationService.Standing;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;

/**
 * On an AI system's page, in its own tab (the page's summary line names the tier): its EU AI Act classification (tier, role, the provision it rests on and why), whether
 * it must be classified again, the articles that apply with their dates of application and scope status, and the
 * classifications before it.
 */
@org.springframework.stereotype.Component
class EuAiActPanel implements SystemPagePanel {

    private final ClassificationService classifications;
    private final dev.aegis.euaiact.TechnicalDocumentation documentation;

    EuAiActPanel(ClassificationService classifications, dev.aegis.euaiact.TechnicalDocumentation documentation) {
        this.classifications = classifications;
        this.documentation = documentation;
    }

    /** Its tab after the evidence and before the scope, where the articles it brings in are confirmed. */
    /** The system page's tab of the EU AI Act panels (classification, incidents, FRIA, monitoring plan). */
    static final String TAB = "EU AI Act";

    @Override
    public int order() {
        return 45;
    }

    @Override
    public boolean visible(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER");
    }

    @Override
    public String tab() {
        return TAB;
    }

    @Override
    public Component render(long systemId) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId("eu-ai-act");
        panel.setPadding(false);
        panel.add(new H3("EU AI Act"));
        Standing standing;
        try {
            standing = classifications.standing(systemId);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            panel.add(new Paragraph(
                    "Only the system's owners, governance officers and auditors see its classification."));
            return panel;
        }
        Button classify = new Button(
                standing.current().isPresent() ? "Classify again" : "Classify under the EU AI Act",
                e -> UI.getCurrent().navigate("systems/" + systemId + "/eu-ai-act"));
        classify.setId("classify-system");
        classify.setVisible(classifications.mayClassify());
        if (standing.current().isEmpty()) {
            Paragraph empty =
                    new Paragraph("Not classified yet. A governance officer answers the questionnaire: is it an "
                            + "AI system, a prohibited practice, high-risk (Annex I or III), subject to transparency duties, and "
                            + "what is the organisation's role? The answers set its tier, role and duties.");
            empty.setId("eu-ai-act-empty");
            classify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            panel.add(empty, classify);
            return panel;
        }
        ClassificationRecord c = standing.current().get();
        Paragraph outcome = new Paragraph();
        outcome.setId("eu-ai-act-outcome");
        Span tier = new Span(ActWords.tier(c.getTier()));
        tier.addClassNames("aegis-badge");
        tier.setId("eu-ai-act-tier");
        tier.getStyle()
                .set("background", ActWords.colour(c.getTier()))
                .set("color", c.getTier().name().equals("LIMITED") ? "#1a1a1a" : "#ffffff")
                .set("padding", "0.1em 0.5em")
                .set("border-radius", "var(--lumo-border-radius-s)");
        outcome.add(
                tier,
                new Span(" · " + ActWords.role(c.getRole()) + " · " + c.getBasis()),
                new Span(" · classification " + c.getNumber() + " by " + c.getAnsweredBy() + ", "
                        + Dates.minute(c.getAnsweredAt())
                        + (c.getSource() == ClassificationRecord.Source.OVERRIDE ? " (officer's decision)" : "")));
        panel.add(outcome);
        standing.reclassifyBecause().ifPresent(why -> {
            Paragraph flag = new Paragraph("Classify again: " + why);
            flag.setId("eu-ai-act-reclassify");
            flag.getStyle().set("color", "var(--lumo-error-text-color)");
            panel.add(flag);
        });
        UnorderedList grounds = new UnorderedList();
        grounds.setId("eu-ai-act-grounds");
        c.getGrounds().forEach(g -> grounds.add(new ListItem(g)));
        panel.add(grounds, duties(standing), history(standing), classify);
        if (c.getTier() == dev.aegis.inventory.Classification.EuAiActTier.HIGH
                && Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR")) {
            var notOffered = dev.aegis.euaiact.TechnicalDocumentation.notOffered(c.getRole());
            if (notOffered.isPresent()) {
                Paragraph why = new Paragraph("No technical documentation (Annex IV) here. " + notOffered.get());
                why.setId("annex-iv-not-offered");
                panel.add(why);
            } else {
                panel.add(annexIv(systemId));
            }
        }
        return panel;
    }

    /** The Annex IV technical documentation as a PDF, written at the click (and recorded in the audit log). */
    private Component annexIv(long systemId) {
        return dev.aegis.shared.ui.Downloads.pdf(
                "annex-iv-pdf",
                "Technical documentation (Annex IV), PDF",
                com.vaadin.flow.component.icon.VaadinIcon.DOWNLOAD,
                "annex-iv-system-" + systemId + ".pdf",
                out -> documentation.pdf(systemId, out));
    }

    private static Component duties(Standing standing) {
        Grid<DutyStatus> grid = new Grid<>(DutyStatus.class, false);
        grid.setId("eu-ai-act-duties");
        grid.addThemeName("wrap-cell-content"); // long titles and scope states wrap at 1280 px instead of being cut
        grid.addColumn(DutyStatus::article)
                .setHeader("Article")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DutyStatus::title).setHeader("Title").setFlexGrow(2).setTooltipGenerator(DutyStatus::why);
        grid.addColumn(d -> (d.inForce() ? "Applies since " : "Applies from ") + Dates.day(d.appliesFrom()))
                .setHeader("Date of application")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DutyStatus::scopeState)
                .setHeader("In the system's scope")
                .setFlexGrow(2)
                .setTooltipGenerator(DutyStatus::scopeState);
        grid.setItems(standing.duties());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No article of the Act applies to it.");
        grid.setWidthFull();
        Div wrapper = new Div(
                new Paragraph("The articles that apply for its role and tier (hover a title for why). Each is in the "
                        + "system's scope, where controls and evidence cover it; dates of application per Art. 113."),
                grid);
        wrapper.setWidthFull();
        return wrapper;
    }

    private static Component history(Standing standing) {
        Grid<ClassificationRecord> grid = new Grid<>(ClassificationRecord.class, false);
        grid.setId("eu-ai-act-history");
        grid.addColumn(ClassificationRecord::getNumber)
                .setHeader("No.")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> Dates.minute(c.getAnsweredAt()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ClassificationRecord::getAnsweredBy)
                .setHeader("By")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c ->
                        c.getSource() == ClassificationRecord.Source.OVERRIDE ? "Officer's decision" : "Questionnaire")
                .setHeader("How")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> ActWords.tier(c.getTier()) + " · " + ActWords.role(c.getRole()) + " · " + c.getBasis())
                .setHeader("Outcome")
                .setFlexGrow(2);
        grid.setItems(standing.history());
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        Details details =
                new Details("Classifications so far (" + standing.history().size() + ")", grid);
        details.setId("eu-ai-act-history-details");
        details.setWidthFull();
        return details;
    }
}
