package io.alchemiser.core.application.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fee tables on hand-computed sales. */
class RegulatoryFeesTest {
    static final RegulatoryFees FEES = RegulatoryFees.published();
    static final LocalDate JUNE_2024 = LocalDate.of(2024, 6, 3);

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void theSecFeeIsTheRateOnThePrincipalSoldRoundedUpToTheCent() {
        // $10,000 × 27.80 / 1,000,000 = $0.278 → $0.28
        assertThat(FEES.secFee(JUNE_2024, d("10000"))).isEqualByComparingTo("0.28");
        // $1,000,000 → exactly $27.80
        assertThat(FEES.secFee(JUNE_2024, d("1000000"))).isEqualByComparingTo("27.80");
        // $1 → $0.0000278 → one cent: any sale pays at least a cent while the rate is positive
        assertThat(FEES.secFee(JUNE_2024, d("1"))).isEqualByComparingTo("0.01");
        assertThat(FEES.secFee(JUNE_2024, BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void theTafIsPerShareRoundedUpAndCapped() {
        // 100 shares × $0.000166 = $0.0166 → $0.02
        assertThat(FEES.tafFee(JUNE_2024, d("100"))).isEqualByComparingTo("0.02");
        // 50,000 shares × $0.000166 = $8.30, the cap exactly
        assertThat(FEES.tafFee(JUNE_2024, d("50000"))).isEqualByComparingTo("8.30");
        // 60,000 shares would be $9.96: capped at $8.30
        assertThat(FEES.tafFee(JUNE_2024, d("60000"))).isEqualByComparingTo("8.30");
        // Fractional shares count as they are: 0.5 × $0.000166 → one cent
        assertThat(FEES.tafFee(JUNE_2024, d("0.5"))).isEqualByComparingTo("0.01");
    }

    @Test
    void theRateInForceOnTheTradeDateApplies() {
        assertThat(FEES.secRate(LocalDate.of(2025, 5, 13)).dollarsPerMillion()).isEqualByComparingTo("27.80");
        assertThat(FEES.secFee(LocalDate.of(2025, 5, 14), d("1000000"))).isEqualByComparingTo("0");
        assertThat(FEES.secRate(LocalDate.of(2021, 2, 24)).dollarsPerMillion()).isEqualByComparingTo("22.10");
        assertThat(FEES.secRate(LocalDate.of(2021, 2, 25)).dollarsPerMillion()).isEqualByComparingTo("5.10");
        // 2023: $0.000145 a share, at most $7.27: 60,000 shares would be $8.70
        assertThat(FEES.tafFee(LocalDate.of(2023, 6, 1), d("60000"))).isEqualByComparingTo("7.27");
        assertThat(FEES.tafRate(LocalDate.of(2023, 12, 29)).perShare()).isEqualByComparingTo("0.000145");
        assertThat(FEES.tafRate(LocalDate.of(2024, 1, 2)).perShare()).isEqualByComparingTo("0.000166");
    }

    @Test
    void aDateBeforeTheTableUsesItsFirstRow() {
        assertThat(FEES.secRate(LocalDate.of(2001, 5, 1))).isEqualTo(FEES.secRates().get(0));
        assertThat(FEES.tafRate(LocalDate.of(2001, 5, 1))).isEqualTo(FEES.tafRates().get(0));
    }

    @Test
    void aTableOfOwnRatesAndNoFeesAtAll() {
        RegulatoryFees own = RegulatoryFees.of(
                List.of(new RegulatoryFees.SecRate(LocalDate.of(2030, 1, 1), d("50.00"), "test")),
                List.of(new RegulatoryFees.TafRate(LocalDate.of(2030, 1, 1), d("0.001"), d("1.00"), "test")));
        assertThat(own.secFee(LocalDate.of(2030, 6, 3), d("20000"))).isEqualByComparingTo("1.00");
        assertThat(own.tafFee(LocalDate.of(2030, 6, 3), d("5000"))).isEqualByComparingTo("1.00");
        assertThat(RegulatoryFees.none().isNone()).isTrue();
        assertThat(RegulatoryFees.none().secFee(JUNE_2024, d("1000000"))).isEqualByComparingTo("0");
        assertThat(RegulatoryFees.none().tafFee(JUNE_2024, d("1000000"))).isEqualByComparingTo("0");
    }
}
