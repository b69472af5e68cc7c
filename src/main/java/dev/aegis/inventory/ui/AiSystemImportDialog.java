package dev.aegis.inventory.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.aegis.inventory.AiSystemTransfer;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.ImportReport;
import dev.aegis.shared.tabular.RowProblem;
import dev.aegis.shared.tabular.TableReader;
import java.util.List;

/**
 * Importing AI systems from CSV or XLSX, in the framework importer's steps: upload, see what the file would do (or
 * every problem by row and column), then apply. Nothing is written until Apply, and nothing at all while any row is
 * wrong.
 */
class AiSystemImportDialog extends Dialog {

    private final transient AiSystemTransfer transfer;
    private final Runnable imported;
    final Upload upload = new Upload();
    final Div result = new Div();
    final Grid<RowProblem> problems = new Grid<>(RowProblem.class, false);
    final Button apply = new Button("Apply import");
    private byte[] pending;

    AiSystemImportDialog(AiSystemTransfer transfer, Runnable imported) {
        this.transfer = transfer;
        this.imported = imported;
        setId("systems-import");
        setHeaderTitle("Import AI systems");
        setWidth("min(56rem, 95vw)");
        configureUpload();
        configureProblems();
        configureButtons();
        result.setId("systems-import-result");
        add(new Paragraph("Upload a CSV or Excel (XLSX) file with the columns of an export. Rows with an id change that "
                + "system (if nobody changed it since the export); rows without one register a new system. Every row is "
                + "checked first: if any has a problem, nothing is imported."), upload, result, problems);
    }

    private void configureUpload() {
        upload.setId("systems-import-file");
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TableReader.MAX_BYTES);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> receive(data));
        }));
        upload.addFileRejectedListener(e -> showRefusal(e.getErrorMessage()));
    }

    private void configureProblems() {
        problems.setId("systems-import-problems");
        problems.addColumn(RowProblem::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(RowProblem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
    }

    private void configureButtons() {
        apply.setId("systems-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> applyPending());
        getFooter().add(new Button("Close", e -> close()), apply);
    }

    /** Shows the dialog fresh, with nothing uploaded. */
    void start() {
        pending = null;
        apply.setEnabled(false);
        result.removeAll();
        problems.setVisible(false);
        upload.clearFileList();
        open();
    }

    /** A file arrived: check it and preview what it would do. */
    void receive(byte[] data) {
        pending = null;
        apply.setEnabled(false);
        try {
            ImportReport report = transfer.importFile(data, false);
            if (!report.accepted()) {
                showProblems(report.problems());
                return;
            }
            pending = data;
            problems.setVisible(false);
            result.removeAll();
            result.add(new H3("Ready to import"), new Paragraph("The file registers " + report.created()
                    + " new system(s), changes " + report.updated() + " and leaves " + report.unchanged()
                    + " unchanged." + (report.changes() == 0 ? " There is nothing to do." : "")));
            apply.setEnabled(report.changes() > 0);
        } catch (DomainRuleException e) {
            showRefusal(e.getMessage());
        }
    }

    void applyPending() {
        if (pending == null) {
            return;
        }
        try {
            ImportReport report = transfer.importFile(pending, true);
            if (!report.accepted()) {
                // someone changed a system between preview and apply
                showProblems(report.problems());
                return;
            }
            Notification.show("Imported: " + report.created() + " registered, " + report.updated() + " changed.", 4000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            imported.run();
        } catch (DomainRuleException e) {
            showRefusal(e.getMessage());
        } finally {
            pending = null;
            apply.setEnabled(false);
        }
    }

    private void showProblems(List<RowProblem> list) {
        result.removeAll();
        result.add(new H3("The file was not imported"), new Paragraph(list.size()
                + " problem(s). Fix them and upload the file again; row 1 is the header."));
        problems.setItems(list);
        problems.setVisible(true);
    }

    private void showRefusal(String message) {
        result.removeAll();
        Paragraph reason = new Paragraph(message);
        reason.setId("systems-import-refusal");
        result.add(new H3("The file was not imported"), reason);
        problems.setVisible(false);
    }
}
