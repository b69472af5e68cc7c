package dev.aegis.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateCellsUnitTest {

    @Test
    void a_period_wraps_only_before_its_last_date_and_a_date_alone_stays_on_one_line() {
        assertThat(DateCells.head("2026-10-27 – 2027-11-06")).isEqualTo("2026-10-27 –");
        assertThat(DateCells.tail("2026-10-27 – 2027-11-06")).isEqualTo("2027-11-06");
        assertThat(DateCells.head("from 2026-11-24")).isEqualTo("from");
        assertThat(DateCells.tail("from 2026-11-24")).isEqualTo("2026-11-24");
        assertThat(DateCells.head("2026-12-04")).isEqualTo("2026-12-04");
        assertThat(DateCells.tail("2026-12-04")).isEmpty();
        assertThat(DateCells.head(null)).isEmpty();
    }
}
