package dev.aegis.inventory.ui;

import dev.aegis.inventory.AiSystemTransfer;
import dev.aegis.shared.ui.ImportDialog;

/**
 * Importing AI systems from CSV or XLSX: upload, see what the file would do (or every problem by row and column), then
 * apply. Nothing is written until Apply, and nothing at all while any row is wrong.
 */
class AiSystemImportDialog extends ImportDialog {

    AiSystemImportDialog(AiSystemTransfer transfer, Runnable imported) {
        super(
                transfer::importFile,
                new Texts(
                        "systems",
                        "Import AI systems",
                        "Upload a CSV or Excel (XLSX) file with "
                                + "the columns of an export. Rows with an id change that system (if nobody changed it since the "
                                + "export); rows without one register a new system. Every row is checked first: if any has a problem, "
                                + "nothing is imported.",
                        "registers",
                        "system"),
                imported);
    }
}
