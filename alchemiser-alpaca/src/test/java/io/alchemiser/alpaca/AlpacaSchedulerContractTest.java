package io.alchemiser.alpaca;

import io.alchemiser.core.port.Scheduler;
import io.alchemiser.core.port.contract.SchedulerContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/** The Scheduler contract, kept by {@link AlpacaScheduler} against {@link FakeAlpaca}'s 2024 calendar. */
class AlpacaSchedulerContractTest extends SchedulerContract {

    private final List<AlpacaServers> started = new ArrayList<>();

    @Override
    protected Scheduler calendar(Set<LocalDate> holidays, Set<LocalDate> earlyCloses) {
        try {
            AlpacaServers servers = new AlpacaServers();
            started.add(servers);
            servers.trading.setDispatcher(new FakeAlpaca().withCalendar(2024, holidays, earlyCloses));
            return new AlpacaScheduler(servers.config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopServers() {
        started.forEach(AlpacaServers::close);
    }
}
