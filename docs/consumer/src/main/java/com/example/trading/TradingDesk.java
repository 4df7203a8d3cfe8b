package com.example.trading;

import io.alchemiser.core.application.run.DailyRun;
import io.alchemiser.core.application.run.RunSettings;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.port.Broker;
import io.alchemiser.core.port.EventBus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.Ports;
import io.alchemiser.core.port.PriceHistory;
import io.alchemiser.core.port.Quotes;
import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.Sleeper;
import io.alchemiser.core.port.WeightedStrategy;
import io.alchemiser.dsl.compile.Symphonies;
import io.alchemiser.dsl.eval.SymphonyStrategy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a host application embeds a daily run: it chooses its adapters (here its own {@link Ledger}), compiles its
 * symphonies, wires the ports in one place and runs the day. Everything it touches is the library's supported API.
 */
public final class TradingDesk {
    private final DailyRun run;
    private final List<String> fills = new ArrayList<>();

    /**
     * @param symphonies each symphony file and its share of the portfolio (the shares sum to 1)
     */
    public TradingDesk(Map<Path, Double> symphonies, PriceHistory history, Quotes quotes, Broker broker,
            Ledger ledger, EventBus events, Scheduler calendar, Clock clock, Sleeper sleeper) {
        List<WeightedStrategy> strategies = new ArrayList<>();
        symphonies.forEach((file, share) ->
                strategies.add(new WeightedStrategy(new SymphonyStrategy(Symphonies.compile(file)), share)));
        events.subscribe(OrderFilled.class, f -> fills.add(f.side() + " " + f.quantity() + " " + f.symbol()));
        Ports ports = Ports.builder().priceHistory(history).quotes(quotes).broker(broker).ledger(ledger).events(events)
                .calendar(calendar).clock(clock).sleeper(sleeper).build();
        this.run = new DailyRun(strategies, ports, RunSettings.defaults());
    }

    /** Runs (or resumes) today's run. */
    public RunSummary tradeToday(LocalDate today) {
        return run.run(today, RunId.forDate(today), false);
    }

    /** Fills seen on the event bus, as "BUY 10 SPY". */
    public List<String> fills() {
        return List.copyOf(fills);
    }
}
