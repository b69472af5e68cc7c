package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.aegis.framework.CatalogAdministration;
import dev.aegis.framework.CatalogDiff;
import dev.aegis.framework.CustomFrameworkFormat;
import dev.aegis.framework.OscalImporter;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Importing a custom framework (JSON or YAML): upload, see what it would add, change and withdraw, then apply. A file
 * with problems is refused whole, each problem shown with its line and field.
 */
@Route("frameworks/import")
@PageTitle("Import a framework · Aegis")
@Menu(order = 23, icon = "vaadin:upload", title = "Import framework")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER"})
public class FrameworkImportView extends VerticalLayout {

    private static final int LISTED = 40;
    private final transient CatalogAdministration administration;
    private final transient OscalImporter oscal;
    final Upload upload = new Upload();
    final Div result = new Div();
    final Button apply = new Button("Apply import");
    private byte[] pending;

    FrameworkImportView(CatalogAdministration administration, OscalImporter oscal) {
        this.administration = administration;
        this.oscal = oscal;
        setId("framework-import");
        configureUpload();
        configureApply();
        result.setId("import-result");
        add(new H2("Import a framework"), explanation(), upload, result, apply);
    }

    private Component explanation() {
        return new Paragraph("Upload your own framework (an internal policy, the EU AI Act, a sector rule) as JSON or "
                + "YAML in the format described in docs/custom-frameworks.md, or as an OSCAL 1.2 catalog (JSON). Aegis shows what the file would add, change "
                + "and withdraw before anything is written. Uploading a new version of a framework you imported before "
                + "keeps every link to requirements that still exist.");
    }

    private void configureUpload() {
        upload.setId("framework-file");
        upload.setAcceptedFileTypes(".json", ".yaml", ".yml", "application/json", "application/yaml", "text/yaml");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CustomFrameworkFormat.MAX_BYTES);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> receive(data));
        }));
        upload.addFileRejectedListener(e -> showProblems(e.getErrorMessage()));
    }

    private void configureApply() {
        apply.setId("apply-import");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> applyPending());
    }

    /** A file arrived: preview it. */
    void receive(byte[] data) {
        pending = null;
        apply.setEnabled(false);
        try {
            CatalogDiff diff = isOscal(data) ? oscal.preview(data, null) : administration.importCustomFile(data, true);
            pending = data;
            showPreview(diff);
            apply.setEnabled(!diff.isEmpty());
        } catch (DomainRuleException e) {
            showProblems(e.getMessage());
        }
    }

    void applyPending() {
        if (pending == null) {
            return;
        }
        try {
            CatalogDiff diff = isOscal(pending)
                    ? oscal.importCatalog(pending, null)
                    : administration.importCustomFile(pending, false);
            Notification.show(
                            "Imported " + diff.frameworkCode() + " " + diff.toVersion() + ".",
                            4000,
                            Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            result.removeAll();
            result.add(new Paragraph("Imported " + diff.frameworkCode() + " " + diff.toVersion() + ": "
                    + diff.added().size() + " added, " + diff.changed().size() + " changed, "
                    + diff.withdrawn().size()
                    + " withdrawn."));
        } catch (DomainRuleException e) {
            showProblems(e.getMessage());
        }
        pending = null;
        apply.setEnabled(false);
        upload.clearFileList();
    }

    /** An OSCAL catalog is JSON whose top-level object holds "catalog"; anything else is our own format. */
    static boolean isOscal(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, 4096), java.nio.charset.StandardCharsets.UTF_8).strip();
        return head.startsWith("{") && head.replaceAll("\\s", "").startsWith("{\"catalog\"");
    }

    private void showPreview(CatalogDiff diff) {
        result.removeAll();
        if (diff.isEmpty()) {
            result.add(new Paragraph(diff.frameworkCode() + " " + diff.toVersion()
                    + " is already imported exactly like this: nothing to do."));
            return;
        }
        result.add(new H3(
                diff.newFramework()
                        ? "New framework " + diff.frameworkCode() + " " + diff.toVersion()
                        : diff.frameworkCode() + ": version " + diff.fromVersion() + " → " + diff.toVersion()));
        result.add(
                section("Added", diff.added()),
                section("Changed", diff.changed()),
                section("Withdrawn (kept, with their links, and flagged)", diff.withdrawn()),
                section("Restored", diff.restored()));
        if (diff.crosswalkEdgesTouched() > 0) {
            result.add(
                    new Paragraph(
                            diff.crosswalkEdgesTouched()
                                    + " crosswalk mapping(s) touch a changed or withdrawn requirement and will be flagged for review."));
        }
    }

    private static Component section(String title, List<String> ids) {
        Div div = new Div();
        div.add(new Span(title + ": " + ids.size()));
        if (!ids.isEmpty()) {
            String shown = String.join(", ", ids.subList(0, Math.min(LISTED, ids.size())));
            div.add(new Paragraph(shown + (ids.size() > LISTED ? " … and " + (ids.size() - LISTED) + " more" : "")));
        }
        return div;
    }

    private void showProblems(String problems) {
        result.removeAll();
        Pre list = new Pre(problems);
        list.setId("import-problems");
        list.addClassNames("aegis-problems");
        result.add(new H3("The file was not imported"), new Paragraph("Fix these problems and upload it again:"), list);
    }
}
