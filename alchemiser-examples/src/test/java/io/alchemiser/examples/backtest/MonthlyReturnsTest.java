package io.alchemiser.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonthlyReturnsTest {

    @Test
    void monthsRunFromMonthEndToMonthEndAndTheFirstFromTheStart() {
        List<LocalDate> dates = List.of(LocalDate.of(2024, 1, 30), LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1), LocalDate.of(2025, 1, 2));
        double[] equity = {100, 110, 99, 121, 121, 133.1};

        MonthlyReturns m = MonthlyReturns.of(dates, equity);

        assertThat(m.years()).containsExactly(2024, 2025);
        assertThat(m.month(2024, 1)).isCloseTo(0.10, within(1e-12)); // 110 / 100 (from the first close)
        assertThat(m.month(2024, 2)).isCloseTo(0.10, within(1e-12)); // 121 / 110 (the 99 mid-month is passed over)
        assertThat(m.month(2024, 3)).isCloseTo(0.0, within(1e-12)); // 121 / 121
        assertThat(m.month(2024, 4)).isNaN();
        assertThat(m.month(2024, 12)).isNaN();
        assertThat(m.year(2024)).isCloseTo(0.21, within(1e-12)); // 121 / 100
        assertThat(m.month(2025, 1)).isCloseTo(0.10, within(1e-12)); // 133.1 / 121, across the empty months
        assertThat(m.year(2025)).isCloseTo(0.10, within(1e-12));
        assertThat(m.year(2023)).isNaN();
    }

    @Test
    void aYearCompoundsItsMonths() {
        TestPrices prices = TestPrices.swinging(600);
        MonthlyReturns m = MonthlyReturns.of(prices.dates(), prices.closes("AAA"));
        for (int year : m.years()) {
            double compounded = 1;
            for (int month = 1; month <= 12; month++) {
                double r = m.month(year, month);
                compounded *= Double.isNaN(r) ? 1 : 1 + r;
            }
            assertThat(compounded - 1).as("year %d", year).isCloseTo(m.year(year), within(1e-12));
        }
        assertThat(m.years()).hasSize(3);
    }

    @Test
    void aSingleDayIsAZeroMonth() {
        MonthlyReturns m = MonthlyReturns.of(List.of(LocalDate.of(2024, 5, 6)), new double[] {50});
        assertThat(m.month(2024, 5)).isEqualTo(0.0);
        assertThat(m.year(2024)).isEqualTo(0.0);
    }

    @Test
    void refusesMismatchedInput() {
        assertThatThrownBy(() -> MonthlyReturns.of(List.of(LocalDate.of(2024, 5, 6)), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
