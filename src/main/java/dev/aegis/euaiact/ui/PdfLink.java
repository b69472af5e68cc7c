package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.aegis.shared.ui.Downloads;
import java.io.OutputStream;
import java.util.function.Consumer;

/** A download button for a PDF the service writes at the click (and records in the audit log). */
final class PdfLink {

    private PdfLink() {}

    static Component of(String id, String label, String fileName, Consumer<OutputStream> writer) {
        return Downloads.pdf(id, label, VaadinIcon.DOWNLOAD, fileName, writer);
    }
}
