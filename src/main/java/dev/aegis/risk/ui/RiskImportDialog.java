package dev.aegis.risk.ui;

import dev.aegis.risk.RiskTransfer;
import dev.aegis.shared.ui.ImportDialog;

/**
 * Importing risks from CSV or XLSX: upload, see what the file would do (or every problem by row and column), then
 * apply. Nothing is written until Apply, and nothing at all while any row is wrong.
 */
class RiskImportDialog extends ImportDialog {

    RiskImportDialog(RiskTransfer transfer, Runnable imported) {
        super(
                transfer::importFile,
                new Texts(
                        "risks",
                        "Import risks",
                        "Upload a CSV or Excel (XLSX) file with the "
                                + "columns of an export. Name systems as in the inventory, threats and requirements by their reference "
                                + "ids (AML.T0051, LLM01:2025, GOVERN 1.1), several separated by \";\". Rows with an id change that risk "
                                + "(if nobody changed it since the export); rows without one raise a new risk. Status, scores, "
                                + "treatment and acceptance are changed by the workflow, not by an import. Every row is checked first: "
                                + "if any has a problem, nothing is imported.",
                        "raises",
                        "risk"),
                imported);
    }
}
