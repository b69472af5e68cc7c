package dev.aegis.telemetry.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlService.Applied;
import dev.aegis.control.ui.ControlPagePanel;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.telemetry.SuggestedTests;
import dev.aegis.telemetry.SuggestedTests.Suggestion;
import dev.aegis.telemetry.TelemetryService;
import java.util.List;

/**
 * On a starter control's page: the telemetry test suggested for it ({@link SuggestedTests}), and for each AI system
 * the control is applied to, whether the system has it, with "Adopt" for those who test that system.
 */
@org.springframework.stereotype.Component
class SuggestedTestPanel implements ControlPagePanel {

    private final TelemetryService telemetry;
    private final ControlService controls;

    SuggestedTestPanel(TelemetryService telemetry, ControlService controls) {
        this.telemetry = telemetry;
        this.controls = controls;
    }

    @Override
    public boolean visible(long controlId, String starterId) {
        return SuggestedTests.forStarter(starterId).isPresent();
    }

    @Override
    public Component render(long controlId, String starterId) {
        Suggestion suggestion = SuggestedTests.forStarter(starterId).orElseThrow();
        VerticalLayout panel = new VerticalLayout();
        panel.setId("suggested-test");
        panel.setPadding(false);
        panel.setSpacing(false);
        // a section of its own below the systems it applies to, not glued to their Apply button
        panel.getStyle().set("margin-top", "var(--lumo-space-l)");
        fill(panel, controlId, suggestion);
        return panel;
    }

    private void fill(VerticalLayout panel, long controlId, Suggestion suggestion) {
        panel.removeAll();
        Paragraph what = new Paragraph(suggestion.sentence() + ".");
        what.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");
        panel.add(new H4("Suggested telemetry test"), what);
        List<Applied> applied = controls.applicationsOf(controlId);
        if (applied.isEmpty()) {
            panel.add(new Paragraph("Apply the control to an AI system above, then adopt the test for it here."));
            return;
        }
        for (Applied a : applied) {
            Span system = new Span(a.systemName());
            system.getStyle().set("min-width", "16rem");
            HorizontalLayout row = new HorizontalLayout(system);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            if (telemetry.hasSuggestedTest(controlId, a.systemId(), suggestion)) {
                row.add(new Span("tested: see the telemetry tests on the system's page"));
            } else if (telemetry.mayManage(a.systemId())) {
                Button adopt = new Button("Adopt for " + a.systemName());
                adopt.addThemeVariants(ButtonVariant.LUMO_SMALL);
                adopt.setId("adopt-suggested-test-" + a.systemId());
                adopt.addClickListener(e -> {
                    try {
                        telemetry.adoptSuggestedTest(controlId, a.systemId());
                        TelemetryPanel.show("Telemetry test adopted for " + a.systemName()
                                + "; it runs on the deployments the system is linked to.");
                    } catch (DomainRuleException ex) {
                        TelemetryPanel.show(ex.getMessage());
                    }
                    fill(panel, controlId, suggestion);
                });
                row.add(adopt);
            } else {
                row.add(new Span("not tested yet: its owners or a governance officer adopt the test"));
            }
            panel.add(row);
        }
    }
}
