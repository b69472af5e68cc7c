package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.util.function.Consumer;

/** A download button for a PDF the service writes at the click (and records in the audit log). */
final class PdfLink {

    private PdfLink() {}

    static Component of(String id, String label, String fileName, Consumer<OutputStream> writer) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(fileName);
                    event.setContentType("application/pdf");
                    writer.accept(event.getOutputStream());
                },
                "");
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        Button button = new Button(label, new Icon(VaadinIcon.DOWNLOAD));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        anchor.add(button);
        return anchor;
    }
}
