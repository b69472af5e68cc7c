package dev.aegis.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameCellsUnitTest {

    @Test
    void a_person_with_a_display_name_is_shown_by_it_and_the_user_name_with_its_hyphen_is_left_to_the_tooltip() {
        assertThat(NameCells.name("Demo governance officer (demo-officer)")).isEqualTo("Demo governance officer");
        assertThat(NameCells.user("Demo governance officer (demo-officer)")).isEmpty();
        assertThat(NameCells.name("Smith (HR) · j-smith")).isEqualTo("Smith (HR)");
    }

    @Test
    void a_bare_user_name_is_kept_whole() {
        assertThat(NameCells.name("demo-officer")).isEmpty();
        assertThat(NameCells.user("demo-officer")).isEqualTo("demo-officer");
        assertThat(NameCells.name(null)).isEmpty();
        assertThat(NameCells.user(null)).isEmpty();
    }

    @Test
    void several_people_in_one_cell_are_named_by_display_name_with_every_label_in_the_tooltip() {
        var cell = NameCells.list(List.of("Ana Martins (ana-m)", "bo-k"));
        assertThat(cell.getElement().getAttribute("title")).isEqualTo("Ana Martins (ana-m), bo-k");
        assertThat(cell.getElement().getTextRecursively()).isEqualTo("Ana Martins, bo-k");
    }
}
