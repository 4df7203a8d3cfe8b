package io.alchemiser.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Quote;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.port.MarketDataException;
import io.alchemiser.core.port.Quotes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promises of {@link Quotes}: the latest quote as the source has it, for one symbol or several at once (keyed in
 * the order asked); a symbol without a quote is a {@link MarketDataException} naming it, alone or among others.
 *
 * <p>Extend it and supply {@link #quotes}: a source holding exactly the given quotes.
 */
public abstract class QuotesContract {
    protected static final Symbol SPY = Symbol.of("SPY");
    protected static final Symbol QQQ = Symbol.of("QQQ");
    protected static final Symbol UNKNOWN = Symbol.of("NOSUCHSYMBOL");
    protected static final Instant AT = Instant.parse("2024-02-29T20:45:00Z");

    /** A source holding exactly {@code quotes}. */
    protected abstract Quotes quotes(List<Quote> quotes);

    @Test
    void theLatestQuoteIsTheSourcesQuote() {
        Quote q = standard().latestQuote(SPY);

        assertThat(q.symbol()).isEqualTo(SPY);
        assertThat(q.bid()).isEqualByComparingTo("489.98");
        assertThat(q.ask()).isEqualByComparingTo("490.02");
        assertThat(q.timestamp()).isEqualTo(AT);
    }

    @Test
    void severalQuotesComeKeyedInTheOrderAsked() {
        Map<Symbol, Quote> got = standard().latestQuotes(List.of(QQQ, SPY));

        assertThat(got.keySet()).containsExactly(QQQ, SPY);
        assertThat(got.get(QQQ).bid()).isEqualByComparingTo("399.95");
        assertThat(got.get(SPY).ask()).isEqualByComparingTo("490.02");
    }

    @Test
    void aQuoteForAnUnknownSymbolIsAnErrorNamingIt() {
        Quotes quotes = standard();

        assertThatThrownBy(() -> quotes.latestQuote(UNKNOWN)).isInstanceOf(MarketDataException.class)
                .hasMessageContaining(UNKNOWN.value());
        assertThatThrownBy(() -> quotes.latestQuotes(List.of(SPY, UNKNOWN))).isInstanceOf(MarketDataException.class)
                .hasMessageContaining(UNKNOWN.value());
    }

    /** A 489.98 / 490.02 quote for SPY and a 399.95 / 400.05 quote for QQQ, both at {@link #AT}. */
    protected Quotes standard() {
        return quotes(List.of(
                new Quote(SPY, new BigDecimal("489.98"), new BigDecimal("490.02"), new BigDecimal("490.00"), AT),
                new Quote(QQQ, new BigDecimal("399.95"), new BigDecimal("400.05"), new BigDecimal("400.00"), AT)));
    }
}
