package dev.aegis.evidence.pack.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.aegis.evidence.pack.ReportService;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.Downloads;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/** On an AI system's page, for those who export reports: the system's profile and its risk register as PDF. */
@org.springframework.stereotype.Component
class SystemReportsPanel implements SystemPagePanel {

    private final ReportService reports;

    SystemReportsPanel(ReportService reports) {
        this.reports = reports;
    }

    /** Last on the page: the report buttons never push the risk and evidence panels down. */
    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean visible(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    @Override
    public Component render(long systemId) {
        HorizontalLayout bar = new HorizontalLayout(
                pdf(
                        "system-profile-pdf",
                        "Profile PDF",
                        "system-" + systemId + "-profile.pdf",
                        out -> reports.systemProfile(systemId, out)),
                pdf(
                        "system-risk-register-pdf",
                        "Risk register PDF",
                        "system-" + systemId + "-risks.pdf",
                        out -> reports.riskRegister(List.of(systemId), out)));
        bar.setPadding(false);
        return bar;
    }

    private static Anchor pdf(String id, String label, String fileName, Consumer<OutputStream> writer) {
        return Downloads.pdf(id, label, VaadinIcon.FILE_TEXT_O, fileName, writer);
    }
}
