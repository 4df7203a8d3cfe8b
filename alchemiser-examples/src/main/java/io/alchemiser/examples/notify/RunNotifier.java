package io.alchemiser.examples.notify;

import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.event.DomainEvent;
import io.alchemiser.core.domain.event.OrderFailed;
import io.alchemiser.core.domain.event.OrderFilled;
import io.alchemiser.core.domain.event.RunCompleted;
import io.alchemiser.core.domain.event.RunFailed;
import io.alchemiser.core.domain.event.RunStarted;
import io.alchemiser.core.domain.event.RunSummary;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.port.EventBus;
import io.alchemiser.core.port.Ledger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each run's events into a summary and delivers it to every configured {@link NotificationChannel}.
 *
 * <p>Subscribed to all {@link DomainEvent}s ({@link #subscribe}), it remembers per run (by correlation id) the
 * trading date and dry-run flag of {@link RunStarted}, every {@link OrderFilled} and every {@link OrderFailed};
 * on {@link RunCompleted} or {@link RunFailed} it renders the summary (see {@link RunNotification}: trades,
 * fills, failures with reasons, P&amp;L since the last run) and sends it to each channel in turn.
 *
 * <p><b>Trades:</b> a completed run's come from its {@link RunSummary}; a failed run's from the ledger, when one
 * was given ({@link Builder#ledger}), since the run may have traded before it failed.
 * <b>P&amp;L since the last run:</b> with an {@link EquityHistory} ({@link Builder#equityHistory}), this run's
 * equity after trading minus the equity recorded after the previous run (the latest of another run on or before
 * this trading date); the first run says there is no previous run; a failed run has no equity to compare. After
 * a completed live run (not a dry run) its equity is appended to the history.
 *
 * <p><b>Guarding:</b> a channel that throws is logged at WARN with its name and the run, and the other channels
 * still get the summary; nothing the notifier does ever throws into the event bus or the run.
 * <b>Threading:</b> events may arrive from several threads; channels are called on the thread that published
 * the terminal event, one after the other (network channels bound their waits).
 */
public final class RunNotifier implements Consumer<DomainEvent> {
    private static final Logger log = LoggerFactory.getLogger(RunNotifier.class);

    private final List<NotificationChannel> channels;
    private final EquityHistory history;
    private final Ledger ledger;
    private final Map<String, RunState> runs = new ConcurrentHashMap<>();

    private RunNotifier(Builder b) {
        this.channels = b.channels.isEmpty() ? List.of(new LogChannel()) : List.copyOf(b.channels);
        this.history = b.history;
        this.ledger = b.ledger;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Subscribes to every event of {@code bus}; close the handle to stop. */
    public AutoCloseable subscribe(EventBus bus) {
        return bus.subscribe(DomainEvent.class, this);
    }

    /** The channels summaries go to, in delivery order. */
    public List<NotificationChannel> channels() {
        return channels;
    }

    /** Takes one event; never throws. */
    @Override
    public void accept(DomainEvent event) {
        try {
            if (event instanceof RunStarted s) {
                state(s.correlationId()).start(s.tradingDate(), s.dryRun());
            } else if (event instanceof OrderFilled f) {
                state(f.correlationId()).fills.add(f);
            } else if (event instanceof OrderFailed f) {
                state(f.correlationId()).failures.add(f);
            } else if (event instanceof RunCompleted c) {
                boolean delivered = deliver(SummaryRenderer.render(completed(c, runs.remove(c.correlationId()))));
                if (delivered && !c.summary().dryRun()) {
                    recordDelivered(c.summary(), c.at());
                }
            } else if (event instanceof RunFailed f) {
                deliver(SummaryRenderer.render(failed(f, runs.remove(f.correlationId()))));
            }
        } catch (RuntimeException e) {
            log.error("could not summarise run {} ({}): {}", event.correlationId(), event.getClass().getSimpleName(),
                    e.toString(), e);
        }
    }

    /** Sends to every channel; a failing channel is logged and skipped. Whether every channel took it. */
    private boolean deliver(RunNotification n) {
        boolean all = true;
        for (NotificationChannel channel : channels) {
            try {
                channel.send(n);
                log.debug("summary of {} delivered via {}", n.runId(), channel.name());
            } catch (RuntimeException | LinkageError e) {
                all = false;
                log.warn("notification channel '{}' failed for {}: {}", channel.name(), n.runId(), e.toString());
            }
        }
        return all;
    }

    /**
     * Records in the ledger that a completed run's summary reached every channel, so a rerun of the day does not send
     * it again; until then a rerun delivers it (the run publishes the completion again).
     */
    private void recordDelivered(RunSummary s, java.time.Instant at) {
        if (ledger == null) {
            return;
        }
        try {
            int round = ledger.latestRun(s.runId()).map(RunRecord::round).orElse(0);
            ledger.appendRun(RunRecord.status(s.runId(), round, s.tradingDate(), RunStatus.REPORTED, at,
                    "summary delivered via " + channels.stream().map(NotificationChannel::name).toList()));
        } catch (RuntimeException e) {
            log.warn("could not record that the summary of {} was delivered: {}", s.runId(), e.getMessage());
        }
    }

    private RunOutcome completed(RunCompleted event, RunState state) {
        RunSummary s = event.summary();
        String runId = s.runId().value();
        ProfitAndLoss pnl = profitAndLoss(runId, s.tradingDate(), s.equityAfter());
        if (history != null && !s.dryRun() && s.equityAfter() != null
                && history.entries().stream().noneMatch(e -> e.runId().equals(runId))) {
            try {
                history.record(new EquityHistory.Entry(runId, s.tradingDate(), s.equityAfter(), event.at()));
            } catch (RuntimeException e) {
                log.warn("could not record the equity of {}: {}", runId, e.getMessage());
            }
        }
        return new RunOutcome(runId, s.tradingDate(), true, s.dryRun(), null, s, s.trades(), null,
                state == null ? List.of() : state.fills(), state == null ? List.of() : state.failures(), pnl);
    }

    private ProfitAndLoss profitAndLoss(String runId, LocalDate date, BigDecimal equityAfter) {
        if (history == null) {
            return ProfitAndLoss.notTracked();
        }
        if (equityAfter == null) {
            return ProfitAndLoss.unavailable("the run did not report its equity");
        }
        try {
            Optional<EquityHistory.Entry> previous = history.previous(runId, date);
            return previous.map(p -> ProfitAndLoss.since(p, equityAfter))
                    .orElseGet(() -> ProfitAndLoss.firstRun(equityAfter));
        } catch (RuntimeException e) {
            return ProfitAndLoss.unavailable("the equity history could not be read: " + e.getMessage());
        }
    }

    private RunOutcome failed(RunFailed event, RunState state) {
        String runId = event.correlationId();
        LocalDate date = state == null ? null : state.tradingDate;
        boolean dryRun = state != null && state.dryRun;
        List<TradeRecord> trades = List.of();
        String note;
        if (dryRun) {
            note = null;
        } else if (ledger == null) {
            note = "trades placed before the failure are in the ledger (the notifier was given none)";
        } else {
            try {
                RunId id = new RunId(runId);
                trades = ledger.trades(id);
                if (date == null) {
                    date = ledger.latestRun(id).map(RunRecord::tradingDate).orElse(null);
                }
                note = null;
            } catch (RuntimeException e) {
                note = "the ledger could not be read: " + e.getMessage();
            }
        }
        String reason = event.reason() == null || event.reason().isBlank() ? "no reason given" : event.reason();
        return new RunOutcome(runId, date, false, dryRun, reason, null, trades, note,
                state == null ? List.of() : state.fills(), state == null ? List.of() : state.failures(),
                ProfitAndLoss.unavailable("the run failed before reporting its equity"));
    }

    private RunState state(String correlationId) {
        return runs.computeIfAbsent(correlationId, id -> new RunState());
    }

    /** What the events of one run in progress told so far. */
    private static final class RunState {
        private final List<OrderFilled> fills = Collections.synchronizedList(new ArrayList<>());
        private final List<OrderFailed> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile LocalDate tradingDate;
        private volatile boolean dryRun;

        void start(LocalDate date, boolean dry) {
            this.tradingDate = date;
            this.dryRun = dry;
        }

        List<OrderFilled> fills() {
            synchronized (fills) {
                return List.copyOf(fills);
            }
        }

        List<OrderFailed> failures() {
            synchronized (failures) {
                return List.copyOf(failures);
            }
        }
    }

    /** Configures a {@link RunNotifier}. Without channels it logs ({@link LogChannel}). */
    public static final class Builder {
        private final List<NotificationChannel> channels = new ArrayList<>();
        private EquityHistory history;
        private Ledger ledger;

        private Builder() {
        }

        /** Adds a channel; summaries go to channels in the order added. */
        public Builder channel(NotificationChannel channel) {
            channels.add(Objects.requireNonNull(channel, "channel"));
            return this;
        }

        /** Where equity after each run is kept, for the P&amp;L line. Without it the line says P&amp;L is not tracked. */
        public Builder equityHistory(EquityHistory equityHistory) {
            this.history = Objects.requireNonNull(equityHistory, "equityHistory");
            return this;
        }

        /** The ledger to read a failed run's trades from. */
        public Builder ledger(Ledger ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        public RunNotifier build() {
            return new RunNotifier(this);
        }
    }
}
