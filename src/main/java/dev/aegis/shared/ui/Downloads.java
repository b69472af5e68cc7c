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

/** Download buttons for a register's exports: the file is written at the moment of the click, streamed as it goes. */
public final class Downloads {

    private Downloads() {}

    /**
     * An "Export CSV"/"Export Excel" button whose file is named {@code <stem>-<UTC timestamp>.<csv|xlsx>} and written
     * by {@code export}.
     */
    public static Anchor export(String id, String stem, TabularFormat format, Consumer<OutputStream> export) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(stem + "-"
                            + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                            + "." + format.extension());
                    event.setContentType(format.mediaType());
                    export.accept(event.getOutputStream());
                },
                "");
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        Button button =
                new Button("Export " + (format == TabularFormat.CSV ? "CSV" : "Excel"), new Icon(VaadinIcon.DOWNLOAD));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        anchor.add(button);
        return anchor;
    }
}
