package dev.aegis.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskTransfer;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import java.util.function.Supplier;

/**
 * The register's file actions for its tool bar: export what the filters show as CSV or Excel (everyone who reads the
 * register), and import a file (those who may raise risks).
 */
class RiskFiles extends HorizontalLayout {

    final Anchor exportCsv;
    final Anchor exportXlsx;
    final Button importFile = new Button("Import", new Icon(VaadinIcon.UPLOAD));
    final RiskImportDialog importDialog;

    RiskFiles(RiskTransfer transfer, Supplier<RiskService.Filter> filter, boolean mayImport, Runnable imported) {
        exportCsv = Downloads.export(
                "export-risks-csv",
                "aegis-risks",
                TabularFormat.CSV,
                out -> transfer.export(filter.get(), TabularFormat.CSV, out));
        exportXlsx = Downloads.export(
                "export-risks-xlsx",
                "aegis-risks",
                TabularFormat.XLSX,
                out -> transfer.export(filter.get(), TabularFormat.XLSX, out));
        importDialog = new RiskImportDialog(transfer, imported);
        importFile.setId("import-risks");
        importFile.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        importFile.setVisible(mayImport);
        importFile.addClickListener(e -> importDialog.start());
        setPadding(false);
        setSpacing(false);
        add(importFile, exportCsv, exportXlsx);
    }
}
