package dev.aegis.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Download buttons for exports and PDFs: the file is written at the moment of the click, streamed as it goes. */
public final class Downloads {

    private Downloads() {}

    /**
     * An "Export CSV"/"Export Excel" button whose file is named {@code <stem>-<UTC timestamp>.<csv|xlsx>} and written
     * by {@code export}.
     */
    public static Anchor export(String id, String stem, TabularFormat format, Consumer<OutputStream> export) {
        return anchor(
                id,
                "Export " + (format == TabularFormat.CSV ? "CSV" : "Excel"),
                VaadinIcon.DOWNLOAD,
                () -> stem + "-"
                        + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "." + format.extension(),
                format.mediaType(),
                export);
    }

    /** A button for a PDF named {@code fileName} that {@code writer} writes at the click (and records as it does). */
    public static Anchor pdf(String id, String label, VaadinIcon icon, String fileName, Consumer<OutputStream> writer) {
        return anchor(id, label, icon, () -> fileName, "application/pdf", writer);
    }

    private static Anchor anchor(
            String id,
            String label,
            VaadinIcon icon,
            Supplier<String> fileName,
            String mediaType,
            Consumer<OutputStream> writer) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(fileName.get());
                    event.setContentType(mediaType);
                    writer.accept(event.getOutputStream());
                },
                "");
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        Button button = new Button(label, new Icon(icon));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        anchor.add(button);
        return anchor;
    }
}
