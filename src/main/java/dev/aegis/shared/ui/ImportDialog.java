package dev.aegis.shared.ui;

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
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.ImportReport;
import dev.aegis.shared.tabular.RowProblem;
import dev.aegis.shared.tabular.TableReader;
import dev.aegis.shared.tabular.TabularFormat;
import java.util.List;

/**
 * Importing a register from CSV or XLSX, the same way for every register: upload, see what the file would do (or
 * every problem by row and column), then apply. Nothing is written until Apply, and nothing at all while any row is
 * wrong. The register supplies the import itself and the words ({@link Texts}).
 */
public class ImportDialog extends Dialog {

    /** The register's import: checks the file and, when {@code apply} is set and no row is wrong, writes it. */
    @FunctionalInterface
    public interface Importer {
        ImportReport importFile(byte[] data, boolean apply);
    }

    /**
     * The words of one register: its element id prefix, the dialog title, the explanation above the upload, and the
     * verbs for new and changed records ("registers … new system(s)", "raises … new risk(s)").
     */
    public record Texts(String idPrefix, String title, String explanation, String created, String noun) {}

    private final transient Importer importer;
    private final Texts texts;
    private final Runnable imported;
    public final Upload upload = new Upload();
    public final Div result = new Div();
    public final Grid<RowProblem> problems = new Grid<>(RowProblem.class, false);
    public final Button apply = new Button("Apply import");
    private byte[] pending;

    public ImportDialog(Importer importer, Texts texts, Runnable imported) {
        this.importer = importer;
        this.texts = texts;
        this.imported = imported;
        setId(texts.idPrefix() + "-import");
        setHeaderTitle(texts.title());
        setWidth("min(56rem, 95vw)");
        configureUpload();
        configureProblems();
        configureButtons();
        result.setId(texts.idPrefix() + "-import-result");
        add(new Paragraph(texts.explanation()), upload, result, problems);
    }

    private void configureUpload() {
        upload.setId(texts.idPrefix() + "-import-file");
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv", TabularFormat.XLSX.mediaType());
        upload.setMaxFiles(1);
        upload.setMaxFileSize(TableReader.MAX_BYTES);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> receive(data));
        }));
        upload.addFileRejectedListener(e -> showRefusal(e.getErrorMessage()));
    }

    private void configureProblems() {
        problems.setId(texts.idPrefix() + "-import-problems");
        problems.addColumn(RowProblem::row).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "" : p.column())
                .setHeader("Column")
                .setAutoWidth(true)
                .setFlexGrow(0);
        problems.addColumn(RowProblem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
    }

    private void configureButtons() {
        apply.setId(texts.idPrefix() + "-import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> applyPending());
        getFooter().add(new Button("Close", e -> close()), apply);
    }

    /** Shows the dialog fresh, with nothing uploaded. */
    public void start() {
        pending = null;
        apply.setEnabled(false);
        result.removeAll();
        problems.setVisible(false);
        upload.clearFileList();
        open();
    }

    /** A file arrived: check it and preview what it would do. */
    public void receive(byte[] data) {
        pending = null;
        apply.setEnabled(false);
        try {
            ImportReport report = importer.importFile(data, false);
            if (!report.accepted()) {
                showProblems(report.problems());
                return;
            }
            pending = data;
            problems.setVisible(false);
            result.removeAll();
            result.add(
                    new H3("Ready to import"),
                    new Paragraph("The file " + texts.created() + " " + report.created()
                            + " new " + texts.noun() + "(s), changes " + report.updated() + " and leaves "
                            + report.unchanged()
                            + " unchanged." + (report.changes() == 0 ? " There is nothing to do." : "")));
            apply.setEnabled(report.changes() > 0);
        } catch (DomainRuleException e) {
            showRefusal(e.getMessage());
        }
    }

    public void applyPending() {
        if (pending == null) {
            return;
        }
        try {
            ImportReport report = importer.importFile(pending, true);
            if (!report.accepted()) {
                // someone changed a record between preview and apply
                showProblems(report.problems());
                return;
            }
            Notification.show(
                            "Imported: " + report.created() + " new, " + report.updated() + " changed.",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
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
        result.add(
                new H3("The file was not imported"),
                new Paragraph(list.size() + " problem(s). Fix them and upload the file again; row 1 is the header."));
        problems.setItems(list);
        problems.setVisible(true);
    }

    private void showRefusal(String message) {
        result.removeAll();
        Paragraph reason = new Paragraph(message);
        reason.setId(texts.idPrefix() + "-import-refusal");
        result.add(new H3("The file was not imported"), reason);
        problems.setVisible(false);
    }
}
