package dev.aegis.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.aegis.evidence.EvidenceDetails;
import dev.aegis.evidence.EvidenceDetails.Dates;
import dev.aegis.evidence.EvidenceItem;
import dev.aegis.evidence.EvidenceKind;
import dev.aegis.evidence.EvidenceService;
import dev.aegis.evidence.EvidenceService.Download;
import dev.aegis.evidence.EvidenceService.Links;
import dev.aegis.evidence.EvidenceVersion;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.files.InspectedFile;
import dev.aegis.shared.files.UploadInspector;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One evidence item: its details and links (editable by those who may change it), its versions with hashes and
 * downloads (every download is in the audit log), a new version (a file through an upload limited as the inspector
 * is, or a new address), and the review sign-off.
 */
@Route("evidence/:id(\\d+)")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER"})
public class EvidenceItemView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient EvidenceService evidence;
    private final transient Lookups lookups;
    private final transient UploadInspector inspector;
    final H2 heading = new H2();
    final Span status = new Span();
    final EvidenceForm form;
    final Button save = new Button("Save details");
    final Button review = new Button("Sign off as reviewed", VaadinIcon.CHECK.create());
    final Button delete = new Button("Delete");
    final Grid<EvidenceVersion> versions = new Grid<>(EvidenceVersion.class, false);
    final DatePicker collectedOn = new DatePicker("Collected on");
    final DatePicker effectiveFrom = new DatePicker("Covers from");
    final DatePicker effectiveTo = new DatePicker("Covers to");
    final DatePicker expiresOn = new DatePicker("Expires on");
    final Upload upload = new Upload();
    final TextField url = new TextField("New address");
    final Button addLinkVersion = new Button("Add as new version");
    final VerticalLayout newVersion = new VerticalLayout();
    private EvidenceItem item;

    EvidenceItemView(EvidenceService evidence, Lookups lookups, UploadInspector inspector) {
        this.evidence = evidence;
        this.lookups = lookups;
        this.inspector = inspector;
        this.form = new EvidenceForm(
                lookups.controlSearch(), lookups.requirementSearch(), lookups.systemSearch(), lookups.people());
        configureButtons();
        configureVersions();
        configureNewVersion();
        add(
                new Anchor("evidence", "← Evidence register"),
                heading,
                status,
                form,
                new HorizontalLayout(save, review, delete),
                new H3("Versions"),
                versions,
                newVersion);
    }

    @Override
    public String getPageTitle() {
        return (item == null ? "Evidence" : item.getTitle()) + " · Aegis";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        try {
            show(evidence.get(id));
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class, "No evidence " + id);
        }
    }

    void show(EvidenceItem shown) {
        this.item = shown;
        long id = shown.getId();
        heading.setText(shown.getTitle());
        status.setText(shown.getKind().label() + " · version " + shown.getCurrentVersion() + " · "
                + (shown.isReviewed()
                        ? "reviewed by " + shown.getReviewedBy() + " on "
                                + shown.getReviewedAt().toString().substring(0, 10)
                        : "not reviewed yet")
                + (shown.isExpiredOn(LocalDate.now()) ? " · expired on " + shown.getExpiresOn() : ""));
        Links links = evidence.links(id);
        form.show(
                new EvidenceDetails(
                        shown.getTitle(),
                        shown.getDescription(),
                        shown.getOwner(),
                        shown.getCollectedOn(),
                        shown.getEffectiveFrom(),
                        shown.getEffectiveTo(),
                        shown.getExpiresOn(),
                        links.controlIds(),
                        links.requirementIds(),
                        links.systemIds()),
                lookups.controls(links.controlIds()),
                lookups.requirements(links.requirementIds()),
                lookups.systems(links.systemIds()));
        boolean mayChange = evidence.mayChange(id);
        form.setReadOnly(!mayChange);
        save.setVisible(mayChange);
        review.setVisible(evidence.mayReview(id));
        delete.setVisible(evidence.mayManage());
        newVersion.setVisible(mayChange && shown.getKind() != EvidenceKind.RECORD);
        upload.setVisible(shown.getKind() == EvidenceKind.FILE);
        url.setVisible(shown.getKind() == EvidenceKind.LINK);
        addLinkVersion.setVisible(shown.getKind() == EvidenceKind.LINK);
        collectedOn.setValue(LocalDate.now());
        effectiveFrom.setValue(shown.getEffectiveFrom());
        effectiveTo.setValue(shown.getEffectiveTo());
        expiresOn.setValue(shown.getExpiresOn());
        versions.setItems(evidence.versions(id));
    }

    private void configureButtons() {
        save.setId("evidence-save-details");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveDetails());
        review.setId("evidence-review");
        review.addClickListener(e -> act(() -> evidence.review(item.getId(), item.getVersion()), "Signed off."));
        delete.setId("evidence-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> {
            try {
                evidence.remove(item.getId(), item.getVersion());
                UI.getCurrent().navigate("evidence");
            } catch (OptimisticLockingFailureException | DomainRuleException | AccessDeniedException ex) {
                error(ex instanceof OptimisticLockingFailureException ? stale() : ex.getMessage());
            }
        });
    }

    private void configureVersions() {
        versions.setId("evidence-versions");
        versions.addColumn(v -> "v" + v.getNumber())
                .setHeader("Version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.addColumn(v -> v.getUrl() != null ? v.getUrl() : v.getFileName())
                .setHeader("File or address")
                .setFlexGrow(2)
                .setTooltipGenerator(v -> v.getUrl() != null ? v.getUrl() : v.getFileName());
        versions.addColumn(v -> v.getMediaType() == null ? "" : v.getMediaType())
                .setHeader("Type")
                .setAutoWidth(true);
        versions.addColumn(v -> v.getSize() == null ? "" : InspectedFile.readableSize(v.getSize()))
                .setHeader("Size")
                .setAutoWidth(true);
        versions.addComponentColumn(v -> {
                    Span s = new Span(v.getSha256() == null ? "" : v.getSha256());
                    s.getStyle()
                            .set("font-family", "monospace")
                            .set("font-size", "var(--lumo-font-size-xs)")
                            .set("word-break", "break-all");
                    return s;
                })
                .setHeader("SHA-256")
                .setFlexGrow(3);
        versions.addColumn(v -> EvidenceView.text(v.getCollectedOn()))
                .setHeader("Collected")
                .setAutoWidth(true);
        versions.addColumn(v -> EvidenceView.period(v.getEffectiveFrom(), v.getEffectiveTo()))
                .setHeader("Covers")
                .setAutoWidth(true);
        versions.addColumn(v -> EvidenceView.text(v.getExpiresOn()))
                .setHeader("Expires")
                .setAutoWidth(true);
        versions.addColumn(v -> v.getReviewedBy() == null ? "" : v.getReviewedBy())
                .setHeader("Reviewed by")
                .setAutoWidth(true);
        versions.addColumn(v -> v.getCreatedBy() + ", " + dev.aegis.shared.Dates.minute(v.getCreatedAt()))
                .setHeader("Added")
                .setAutoWidth(true);
        versions.addComponentColumn(this::downloadOrOpen)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        versions.setAllRowsVisible(true);
        versions.setEmptyStateText("No versions.");
    }

    private Component downloadOrOpen(EvidenceVersion v) {
        if (v.getUrl() != null) {
            Anchor open = new Anchor(v.getUrl(), "Open");
            open.setTarget(AnchorTarget.BLANK);
            open.getElement().setAttribute("rel", "noopener noreferrer");
            return open;
        }
        long id = v.getItemId();
        int number = v.getNumber();
        Anchor download = new Anchor(
                (DownloadHandler) event -> {
                    Download d = evidence.download(id, number);
                    event.setFileName(d.fileName());
                    event.setContentType(d.mediaType());
                    try (InputStream in = d.content()) {
                        in.transferTo(event.getOutputStream());
                    }
                },
                "Download");
        download.setId("evidence-download-" + number);
        download.getElement().setAttribute("download", true);
        return download;
    }

    private void configureNewVersion() {
        newVersion.setPadding(false);
        newVersion.setId("evidence-new-version");
        upload.setId("evidence-version-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, inspector.maxBytes()));
        upload.setUploadHandler(UploadHandler.inMemory((metadata, data) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> receiveVersion(metadata.fileName(), data));
        }));
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        url.setId("evidence-version-url");
        url.setWidth("32rem");
        addLinkVersion.setId("evidence-add-link-version");
        addLinkVersion.addClickListener(e -> act(
                () -> evidence.addLinkVersion(item.getId(), item.getVersion(), dates(), url.getValue()),
                "New version added."));
        HorizontalLayout dates = new HorizontalLayout(collectedOn, effectiveFrom, effectiveTo, expiresOn);
        dates.setWrap(true);
        HorizontalLayout linkBar = new HorizontalLayout(url, addLinkVersion);
        linkBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        newVersion.add(
                new H3("New version"),
                EvidenceView.hint("A new version keeps the old ones and needs a new "
                        + "review. Give the dates of the new evidence first, then upload it (at most "
                        + InspectedFile.readableSize(inspector.maxBytes()) + "; the type is judged by the content)."),
                dates,
                upload,
                linkBar);
    }

    void receiveVersion(String fileName, byte[] data) {
        act(
                () -> evidence.addFileVersion(
                        item.getId(), item.getVersion(), dates(), fileName, new ByteArrayInputStream(data)),
                "New version added.");
        upload.clearFileList();
    }

    private Dates dates() {
        return new Dates(
                collectedOn.getValue(), effectiveFrom.getValue(), effectiveTo.getValue(), expiresOn.getValue());
    }

    void saveDetails() {
        EvidenceDetails details = form.read();
        if (details == null) {
            return;
        }
        try {
            show(evidence.update(item.getId(), item.getVersion(), details));
            Notification.show("Saved.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DomainRuleException e) {
            if (!form.showRefusal(e)) {
                error(e.getMessage());
            }
        } catch (OptimisticLockingFailureException e) {
            error(stale());
        } catch (AccessDeniedException e) {
            error(e.getMessage());
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            show(evidence.get(item.getId()));
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DomainRuleException | AccessDeniedException e) {
            error(e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            error(stale());
        }
    }

    private static String stale() {
        return "Someone else changed this evidence after you opened it. Reload the page and repeat your change.";
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
