package dev.aegis.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.aegis.shared.ConfiguredOrganisation;
import dev.aegis.shared.ConfiguredOrganisation.Settings;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;

/**
 * The organisation's name and logo, set once by an administrator: every report (evidence packs, risk register, system
 * profile, Statement of Applicability, vendor assessments) and the vendor portal show them.
 */
@Route("admin/organisation")
@PageTitle("Organisation · Aegis")
@Menu(order = 96, icon = "vaadin:building", title = "Organisation")
@RolesAllowed("ADMIN")
public class OrganisationView extends VerticalLayout {

    private final transient ConfiguredOrganisation organisation;
    final TextField name = new TextField("Organisation name");
    final Button saveName = new Button("Save name");
    final Upload upload = new Upload();
    final Button removeLogo = new Button("Remove logo");
    private final VerticalLayout logoBox = new VerticalLayout();
    private long version;

    OrganisationView(ConfiguredOrganisation organisation) {
        this.organisation = organisation;
        configureName();
        configureLogo();
        add(
                new H2("Organisation"),
                new Paragraph("The name and logo that head every report Aegis prints — evidence "
                        + "packs, the risk register, AI system profiles, the Statement of Applicability, vendor assessments — "
                        + "and the vendor portal. Changes are recorded in the audit log."),
                new HorizontalLayout(name, saveName) {
                    {
                        setDefaultVerticalComponentAlignment(Alignment.BASELINE);
                    }
                },
                new H3("Logo"),
                new Paragraph(
                        "A PNG or JPEG of at most 1 MB; it is kept as a PNG of at most 600 " + "pixels, on white."),
                logoBox,
                upload,
                removeLogo);
        show(organisation.settings());
    }

    private void configureName() {
        name.setId("organisation-name");
        name.setWidth("28rem");
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        saveName.setId("organisation-save");
        saveName.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveName.addClickListener(e -> {
            try {
                show(organisation.rename(name.getValue(), version));
                name.setInvalid(false);
                notice("Saved: reports now show “" + name.getValue().strip() + "”.");
            } catch (DomainRuleException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
    }

    private void configureLogo() {
        upload.setId("organisation-logo");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) ConfiguredOrganisation.LOGO_MAX_BYTES);
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> receive(metadata.fileName(), data));
        }));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        removeLogo.setId("organisation-remove-logo");
        removeLogo.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        removeLogo.addClickListener(e -> {
            try {
                show(organisation.removeLogo(version));
                notice("Logo removed.");
            } catch (DomainRuleException ex) {
                error(ex.getMessage());
            }
        });
    }

    void receive(String fileName, byte[] data) {
        try {
            show(organisation.changeLogo(fileName, new ByteArrayInputStream(data), version));
            notice("Logo saved.");
        } catch (DomainRuleException ex) {
            error(ex.getMessage());
        }
        upload.clearFileList();
    }

    private void show(Settings s) {
        version = s.version();
        name.setValue(s.name());
        logoBox.removeAll();
        logoBox.setPadding(false);
        if (s.logoPng() == null) {
            logoBox.add(new Paragraph("No logo yet: reports show the name alone."));
        } else {
            byte[] png = s.logoPng();
            Image image = new Image(
                    DownloadHandler.fromInputStream(event ->
                            new DownloadResponse(new ByteArrayInputStream(png), "logo.png", "image/png", png.length)),
                    "The organisation's logo");
            image.setId("organisation-logo-preview");
            image.setMaxHeight("80px");
            image.setMaxWidth("320px");
            logoBox.add(image, new Paragraph(s.logoFileName() == null ? "" : "From " + s.logoFileName()));
        }
        removeLogo.setEnabled(s.logoPng() != null);
    }

    private static void notice(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
