package io.alchemiser.core.application.run;

import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.StrategyException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why a daily run stopped, as a value the code can name and a person can read ({@link #message()}). Each kind
 * keeps what a caller needs to act: the symbols that are stale, each strategy's positioned evaluation error, the
 * next trading window, the trades left for a rerun.
 */
public sealed interface RunFailure {

    /** One sentence (or a few lines) for the person running it. */
    String message();

    /** Whether running again the same day can finish the job (the ledger and the broker say where it stands). */
    default boolean resumable() {
        return false;
    }

    /** The market is not open for orders now: closed, or too close to its close for the walk to finish. */
    record OutsideTradingWindow(Instant now, boolean open, Instant nextOpen, Instant close, Duration cutoff)
            implements RunFailure {
        @Override
        public String message() {
            return open
                    ? "it is " + now + ", within " + cutoff.toMinutes() + " minutes of the close at " + close
                            + ": too late to start walking orders; the next window opens at " + nextOpen
                    : "the market is closed at " + now + " by the broker's clock; the next window opens at " + nextOpen;
        }
    }

    /** Orders go out only for the broker's today; another date may only be a dry run. */
    record NotToday(LocalDate asked, LocalDate today) implements RunFailure {
        @Override
        public String message() {
            return "the trading date " + asked + " is not today (" + today + " by the broker's clock): only a dry "
                    + "run may look at another day";
        }
    }

    /** One symbol whose stored bars stop too early, and the date of its last bar if it has any. */
    record StaleSymbol(Symbol symbol, Optional<LocalDate> lastBar) {
        @Override
        public String toString() {
            return symbol + " (" + lastBar.map(d -> "last bar " + d).orElse("no recent bar") + ")";
        }
    }

    /** The stored bars do not reach the previous trading day for these symbols. */
    record StaleData(LocalDate needed, List<StaleSymbol> symbols) implements RunFailure {
        public StaleData {
            symbols = List.copyOf(symbols);
        }

        @Override
        public String message() {
            return "market data is stale: need bars up to at least " + needed + " (the previous trading day) but "
                    + symbols.stream().map(StaleSymbol::toString).collect(Collectors.joining(", "))
                    + "; refresh the data store before running";
        }
    }

    /** Market data could not be read at all (a missing symbol, an unreadable store). */
    record MissingData(String detail) implements RunFailure {
        @Override
        public String message() {
            return "market data is missing: " + detail;
        }
    }

    /** Strategies failed to evaluate; each keeps its own (positioned) error. */
    record EvaluationFailed(Map<String, StrategyException> byStrategy) implements RunFailure {
        public EvaluationFailed {
            byStrategy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byStrategy));
        }

        @Override
        public String message() {
            return byStrategy.entrySet().stream()
                    .map(e -> "strategy '" + e.getKey() + "' failed to evaluate: " + e.getValue().getMessage())
                    .collect(Collectors.joining("\n"));
        }
    }

    /** No price to size a trade in this symbol. */
    record NoQuote(Symbol symbol, String detail) implements RunFailure {
        @Override
        public String message() {
            return symbol + ": no quote to size its trade: " + detail;
        }
    }

    /** The broker could not be reached to do something the run needs; what happened at the broker is unknown. */
    record BrokerUnreachable(String action, String detail) implements RunFailure {
        @Override
        public String message() {
            return "could not " + action + " at the broker: " + detail;
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    /** The broker does not let the account trade. */
    record AccountBlocked(List<String> problems) implements RunFailure {
        public AccountBlocked {
            problems = List.copyOf(problems);
        }

        @Override
        public String message() {
            return "the broker does not let this account trade: " + String.join("; ", problems);
        }
    }

    /** The run was asked to stop (a signal); resting orders were cancelled. */
    record Interrupted(String reason) implements RunFailure {
        @Override
        public String message() {
            return "stopped: " + reason;
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    /** The round ended with trades the broker did not fill or could not confirm; a rerun trades the residual. */
    record Incomplete(List<TradeRecord> open) implements RunFailure {
        public Incomplete {
            open = List.copyOf(open);
        }

        @Override
        public String message() {
            return open.size() + " trade" + (open.size() == 1 ? "" : "s") + " not done: " + open.stream()
                    .map(t -> t.side() + " " + t.symbol() + " " + t.status()
                            + (t.reason() == null ? "" : " (" + t.reason() + ")"))
                    .collect(Collectors.joining("; "));
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }

    /** The broker refused what the run asked (credentials, permissions) in a way retrying will not fix. */
    record BrokerRefused(String detail) implements RunFailure {
        @Override
        public String message() {
            return "the broker refused the run: " + detail;
        }
    }

    /** Another of the project's own errors, named by its message. */
    record Other(String detail) implements RunFailure {
        @Override
        public String message() {
            return detail;
        }
    }

    /** The ledger could not be written or read. */
    record LedgerUnavailable(String detail) implements RunFailure {
        @Override
        public String message() {
            return "the ledger could not be used: " + detail;
        }

        @Override
        public boolean resumable() {
            return true;
        }
    }
}
