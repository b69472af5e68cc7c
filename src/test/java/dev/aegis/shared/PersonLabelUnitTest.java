package dev.aegis.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.shared.UserDirectory.Person;
import org.junit.jupiter.api.Test;

class PersonLabelUnitTest {

    @Test
    void a_person_reads_as_display_name_and_user_name_in_one_pair_of_parentheses() {
        assertThat(new Person("jdoe", "Jane Doe").label()).isEqualTo("Jane Doe (jdoe)");
        assertThat(new Person("jdoe", "jdoe").label()).isEqualTo("jdoe");
        assertThat(new Person("jdoe", null).label()).isEqualTo("jdoe");
    }

    @Test
    void a_display_name_with_its_own_parentheses_never_gets_a_second_pair() {
        assertThat(new Person("demo-officer", "Governance officer (demo)").label())
                .isEqualTo("Governance officer (demo) · demo-officer")
                .doesNotContain(") (");
    }
}
