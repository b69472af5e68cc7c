package dev.aegis.evidence.pack.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.evidence.pack.PackService;
import dev.aegis.evidence.pack.PackView;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;

@AegisTest
class PacksViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    PackService packs;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_auditor_builds_a_pack_for_iso_42001_from_the_form_and_finds_it_in_the_list() {
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        Karibu.signInAndOpen(context, auditor);
        UI.getCurrent().navigate(PacksView.class);
        PacksView view = _get(PacksView.class);
        assertThat(view.framework.getValue().code()).isEqualTo("ISO-IEC-42001-2023");
        assertThat(view.allSystems.getValue()).isTrue();
        assertThat(view.asOf.getValue()).isNotNull();

        Karibu.setValue(view.asOf, LocalDate.now().plusDays(3));
        view.build.click();
        assertThat(packs.list(PageRequest.of(0, 200)).getContent())
                .noneMatch(p -> p.requestedBy().equals(auditor.username()));

        Karibu.setValue(view.asOf, LocalDate.now().minusDays(1));
        view.build.click();
        PackView mine = packs.list(PageRequest.of(0, 200)).getContent().stream()
                .filter(p -> p.requestedBy().equals(auditor.username()))
                .findFirst()
                .orElseThrow();
        assertThat(mine.framework()).isEqualTo("ISO-IEC-42001-2023");
        assertThat(mine.systemIds()).isEmpty();
        assertThat(mine.asOf()).isEqualTo(LocalDate.now().minusDays(1));
    }
}
