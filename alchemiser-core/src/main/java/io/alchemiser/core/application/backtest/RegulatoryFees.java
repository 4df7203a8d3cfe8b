package io.alchemiser.core.application.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The fees a US broker passes on for every sale, as dated tables: the one place their rates live. A backtest applies
 * the rate in force on each trade date; a sale on a date before a table's first row uses that first row.
 *
 * <ul>
 *   <li><b>SEC fee</b> (Section 31 of the Exchange Act): principal sold × the rate in dollars per $1,000,000,
 *       rounded up to the cent, per transaction.</li>
 *   <li><b>FINRA Trading Activity Fee</b> (TAF) on covered equity securities: shares sold × the rate per share,
 *       rounded up to the cent, at most the cap, per transaction.</li>
 * </ul>
 * The rows and their sources are listed in {@code docs/backtest.md}; a row marked "not verified" in its source
 * records a rate whose effective date could not be checked against the published notice. Buys pay neither fee.
 * Immutable.
 */
public final class RegulatoryFees {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * One row of the SEC fee table.
     *
     * @param from             the first trade date the rate applies to
     * @param dollarsPerMillion the fee per $1,000,000 of principal sold, e.g. 27.80
     * @param source           where the rate and date come from
     */
    public record SecRate(LocalDate from, BigDecimal dollarsPerMillion, String source) {
        public SecRate {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(source, "source");
            if (dollarsPerMillion.signum() < 0) {
                throw new IllegalArgumentException("SEC fee rate must not be negative, got " + dollarsPerMillion);
            }
        }
    }

    /**
     * One row of the FINRA TAF table.
     *
     * @param from        the first trade date the rate applies to
     * @param perShare    the fee per share sold, e.g. 0.000166
     * @param maxPerTrade the most one transaction pays, e.g. 8.30
     * @param source      where the rate and date come from
     */
    public record TafRate(LocalDate from, BigDecimal perShare, BigDecimal maxPerTrade, String source) {
        public TafRate {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(source, "source");
            if (perShare.signum() < 0 || maxPerTrade.signum() < 0) {
                throw new IllegalArgumentException("TAF rate and cap must not be negative");
            }
        }
    }

    /** Section 31 rates, oldest first. */
    static final List<SecRate> SEC = List.of(
            sec("2003-03-22", "25.20", "SEC press release 2003-27 (Fee Rate Advisory #12, FY2003)"),
            sec("2003-04-01", "46.80", "SEC press release 2003-27 (Fee Rate Advisory #12, FY2003)"),
            sec("2004-02-22", "39.00", "NASD member alert of 2004-01-28 (SEC Fee Rate Advisory #7, FY2004)"),
            sec("2008-04-01", "5.60", "FINRA Information Notice of 2008-03-10 (mid-year adjustment)"),
            sec("2014-03-18", "22.10", "FINRA Information Notice of 2014-03-03"),
            sec("2019-04-16", "20.70", "FINRA Information Notice of April 2019 (SEC Fee Rate Advisory #2, FY2019)"),
            sec("2020-02-18", "22.10", "FINRA Information Notice of 2020-02-03"),
            sec("2021-02-25", "5.10", "FINRA Information Notice of 2021-02-16"),
            sec("2023-02-27", "8.00", "SEC Release 34-96724 (FY2023 order, 88 FR 5051); not verified"),
            sec("2024-05-22", "27.80", "SEC Release 34-99973 (FY2024 order, 89 FR 29402); date not verified, the rate "
                    + "is confirmed as the one in force until 2025-05-13 by FINRA Information Notice of 2025-04-24"),
            sec("2025-05-14", "0.00", "SEC Release 34-102779 (FY2025 order, 90 FR 15492); FINRA Information Notice "
                    + "of 2025-04-24"));

    /** FINRA TAF rates for covered equity securities, oldest first. */
    static final List<TafRate> TAF = List.of(
            taf("2011-07-01", "0.000090", "4.50", "FINRA Regulatory Notice 11-27"),
            taf("2012-03-01", "0.000095", "4.75", "FINRA Regulatory Notice 12-06"),
            taf("2020-10-14", "0.000119", "5.95", "SR-FINRA-2020-032 fee schedule, '2020 (current)' column: in force "
                    + "on the filing date; its start is not verified"),
            taf("2022-01-01", "0.000130", "6.49", "SR-FINRA-2020-032 fee increase schedule, 2022"),
            taf("2023-01-01", "0.000145", "7.27", "SR-FINRA-2020-032 fee increase schedule, 2023"),
            taf("2024-01-01", "0.000166", "8.30", "SR-FINRA-2020-032 fee increase schedule, 2024"));

    private static final RegulatoryFees NONE = new RegulatoryFees(List.of(), List.of());
    private static final RegulatoryFees PUBLISHED = new RegulatoryFees(SEC, TAF);

    private final List<SecRate> sec;
    private final List<TafRate> taf;

    private RegulatoryFees(List<SecRate> sec, List<TafRate> taf) {
        this.sec = sorted(sec, Comparator.comparing(SecRate::from));
        this.taf = sorted(taf, Comparator.comparing(TafRate::from));
    }

    /** No fees at all. */
    public static RegulatoryFees none() {
        return NONE;
    }

    /** The published SEC and FINRA rates, by effective date (the tables above). */
    public static RegulatoryFees published() {
        return PUBLISHED;
    }

    /** Fees from the given tables (tests, or rates newer than this release knows). */
    public static RegulatoryFees of(List<SecRate> sec, List<TafRate> taf) {
        return new RegulatoryFees(sec, taf);
    }

    public boolean isNone() {
        return sec.isEmpty() && taf.isEmpty();
    }

    public List<SecRate> secRates() {
        return sec;
    }

    public List<TafRate> tafRates() {
        return taf;
    }

    /** The SEC rate in force on {@code date}: the last row starting on or before it, else the first row. */
    public SecRate secRate(LocalDate date) {
        return inForce(sec, date, SecRate::from);
    }

    /** The TAF rate in force on {@code date}: the last row starting on or before it, else the first row. */
    public TafRate tafRate(LocalDate date) {
        return inForce(taf, date, TafRate::from);
    }

    /** The SEC fee on one sale of {@code principal} dollars on {@code date}, rounded up to the cent. */
    public BigDecimal secFee(LocalDate date, BigDecimal principal) {
        if (sec.isEmpty() || principal.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return principal.multiply(secRate(date).dollarsPerMillion()).divide(MILLION, 10, RoundingMode.HALF_EVEN)
                .setScale(2, RoundingMode.CEILING);
    }

    /** The TAF on one sale of {@code shares} on {@code date}: rounded up to the cent, at most the cap. */
    public BigDecimal tafFee(LocalDate date, BigDecimal shares) {
        if (taf.isEmpty() || shares.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        TafRate rate = tafRate(date);
        return shares.multiply(rate.perShare()).setScale(2, RoundingMode.CEILING).min(rate.maxPerTrade().setScale(2));
    }

    private static <T> T inForce(List<T> rows, LocalDate date, java.util.function.Function<T, LocalDate> from) {
        if (rows.isEmpty()) {
            throw new IllegalStateException("no rates in this table");
        }
        T found = rows.get(0);
        for (T row : rows) {
            if (!from.apply(row).isAfter(date)) {
                found = row;
            }
        }
        return found;
    }

    private static <T> List<T> sorted(List<T> rows, Comparator<T> order) {
        List<T> copy = new ArrayList<>(rows);
        copy.sort(order);
        return List.copyOf(copy);
    }

    private static SecRate sec(String from, String rate, String source) {
        return new SecRate(LocalDate.parse(from), new BigDecimal(rate), source);
    }

    private static TafRate taf(String from, String perShare, String max, String source) {
        return new TafRate(LocalDate.parse(from), new BigDecimal(perShare), new BigDecimal(max), source);
    }
}
