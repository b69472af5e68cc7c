package dev.aegis.risk.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class RiskFilesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void the_import_dialog_lists_each_problem_in_a_grid_and_imports_a_good_file() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        String tag = "RiskDialog" + System.nanoTime();
        systems.register(AiSystemFixtures.diagnosisAssistant(tag + " system", "owner"));
        Karibu.signInAndOpen(context, officer);
        RisksView view = open();
        RiskFiles files = view.files;
        assertThat(files.importFile.isVisible()).isTrue();
        files.importFile.click();
        assertThat(files.importDialog.isOpened()).isTrue();

        String header = "title,category,systems,threats,inherentLikelihood,inherentImpact\n";
        files.importDialog.receive((header + tag + " a,Security," + tag + " system,AML.T0051,4,5\n" + tag
                        + " b,Security," + tag + " system,AML.T9999,4,5\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(files.importDialog.problems.isVisible()).isTrue();
        assertThat(_size(files.importDialog.problems)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._get(files.importDialog.problems, 0))
                .satisfies(p -> {
                    assertThat(p.row()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo("threats");
                });
        assertThat(files.importDialog.apply.isEnabled()).isFalse();

        files.importDialog.receive(
                (header + tag + " a,Security," + tag + " system,AML.T0051,4,5\n").getBytes(StandardCharsets.UTF_8));
        assertThat(files.importDialog.result.getElement().getTextRecursively()).contains("raises 1 new risk");
        files.importDialog.apply.click();
        assertThat(files.importDialog.isOpened()).isFalse();
        Karibu.setValue(view.text, tag);
        assertThat(_size(view.grid)).isEqualTo(1);
    }

    @Test
    void an_auditor_sees_the_export_buttons_but_not_import() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        RisksView view = open();
        assertThat(view.files.importFile.isVisible()).isFalse();
        assertThat(view.files.exportCsv.isVisible()).isTrue();
        assertThat(view.files.exportXlsx.getElement().getAttribute("download")).isNotNull();
    }

    private static RisksView open() {
        UI.getCurrent().navigate(RisksView.class);
        return _get(RisksView.class);
    }
}
