package io.alchemiser.examples.config;

import io.alchemiser.examples.config.AppConfig.DataSource;
import io.alchemiser.examples.config.AppConfig.DataStore;
import io.alchemiser.examples.format.Format;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks across keys, made once every value has its type, range and default: what the files name must exist,
 * and combinations that cannot work are refused at load instead of failing later (or, worse, running in a way
 * nobody asked for). Each is listed, with its reason, in {@code docs/operations.md}.
 */
final class ConfigChecks {
    private static final String ALPACA_LIVE_HOST = "api.alpaca.markets";
    private static final String ALPACA_PAPER_HOST = "paper-api.alpaca.markets";

    private ConfigChecks() {
    }

    /** @throws ConfigException at the key of the first check that fails */
    static void check(AppConfig c) {
        strategies(c);
        alpaca(c);
        data(c);
        if (c.broker().isSimulated() && c.rebalance().cashReserve().compareTo(c.broker().simulated().cash()) >= 0) {
            throw c.errorAt("rebalance.cashReserve", "a reserve of " + c.rebalance().cashReserve().toPlainString()
                    + " is not below the simulated broker's cash (broker.simulated.cash "
                    + c.broker().simulated().cash().toPlainString() + "): nothing could ever be bought");
        }
        walkFitsBeforeTheClose(c);
        notifications(c);
    }

    private static void strategies(AppConfig c) {
        List<AppConfig.StrategyEntry> entries = c.strategies();
        Map<String, Integer> names = new HashMap<>();
        double sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            AppConfig.StrategyEntry e = entries.get(i);
            if (!Files.isRegularFile(e.file())) {
                throw c.errorAt("strategies[" + i + "].file", "no such file: " + e.file());
            }
            if (e.name() != null) {
                Integer first = names.putIfAbsent(e.name(), i);
                if (first != null) {
                    throw c.errorAt("strategies[" + i + "].name", "strategies[" + first + "] has the same name '"
                            + e.name() + "': each strategy needs its own, since trades are attributed by name");
                }
            }
            sum += e.weight();
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw c.errorAt("strategies", "weights must sum to 1, got " + Format.plain(sum, 6));
        }
    }

    private static void alpaca(AppConfig c) {
        AppConfig.Broker b = c.broker();
        if (b.type().isAlpaca() && c.data().store() == DataStore.CSV) {
            throw c.errorAt("data.store", "csv cannot be used with broker.type " + b.type() + ": a CSV folder has no "
                    + "live prices and nothing refreshes it, so a live run would trade on old closes; use a local or "
                    + "s3 store filled by `data refresh`");
        }
        if (b.isSimulated() && c.data().intraday()) {
            throw c.errorAt("data.intraday", "true needs a live quote source, but the simulated broker's quotes are "
                    + "the stored closes themselves; set it with an Alpaca broker, or leave it out");
        }
        AppConfig.Alpaca a = b.alpaca();
        if (a == null) {
            return;
        }
        if (a.tradingUrl() != null) {
            String host = a.tradingUrl().getHost().toLowerCase(Locale.ROOT);
            if (b.type() == AppConfig.BrokerType.ALPACA_PAPER && host.equals(ALPACA_LIVE_HOST)) {
                throw c.errorAt("broker.alpaca.tradingUrl", "is Alpaca's live host but broker.type is alpaca-paper: "
                        + "this would trade real money; set broker.type to alpaca-live if that is what you mean");
            }
            if (b.type() == AppConfig.BrokerType.ALPACA_LIVE && host.equals(ALPACA_PAPER_HOST)) {
                throw c.errorAt("broker.alpaca.tradingUrl", "is Alpaca's paper host but broker.type is alpaca-live");
            }
            encrypted(c, "broker.alpaca.tradingUrl", a.tradingUrl(), "the API keys");
        }
        if (a.dataUrl() != null) {
            encrypted(c, "broker.alpaca.dataUrl", a.dataUrl(), "the API keys");
        }
    }

    private static void data(AppConfig c) {
        AppConfig.Data d = c.data();
        if (d.store() == DataStore.S3 && d.s3() == null) {
            throw c.errorAt("data.store", "s3 needs a data.s3 section with at least a bucket");
        }
        if (d.store() == DataStore.CSV && !Files.isDirectory(d.path())) {
            throw c.errorAt("data.path", "no such folder: " + d.path() + " (with data.store csv it is the folder of "
                    + "SYMBOL.csv files)");
        }
        if (d.source() == DataSource.CSV && d.store() != DataStore.CSV) {
            if (d.sourcePath() == null) {
                throw c.errorAt("data.source", "csv needs data.sourcePath: the folder of SYMBOL.csv files to refresh "
                        + "the store from");
            }
            if (!Files.isDirectory(d.sourcePath())) {
                throw c.errorAt("data.sourcePath", "no such folder: " + d.sourcePath());
            }
        }
    }

    /**
     * The sells' walk, the wait for buying power and the buys' walk, at the least (one round of orders each), must
     * end before the close when {@code schedule} starts the run {@code minutesBeforeClose} ahead of it.
     */
    private static void walkFitsBeforeTheClose(AppConfig c) {
        AppConfig.Execution e = c.execution();
        long walk = 2L * e.steps().size() * e.stepWaitSeconds() + e.buyingPowerWaitSeconds();
        long window = 60L * c.schedule().minutesBeforeClose();
        if (walk >= window) {
            throw c.errorAt("execution.stepWaitSeconds", "the shortest run takes 2 phases x " + e.steps().size()
                    + " steps x " + e.stepWaitSeconds() + " s + buyingPowerWaitSeconds " + e.buyingPowerWaitSeconds()
                    + " s = " + walk + " s, which does not fit in the " + window + " s that schedule.minutesBeforeClose "
                    + c.schedule().minutesBeforeClose() + " leaves before the close: orders would still be worked "
                    + "after it; wait less per step, use fewer steps, or start earlier");
        }
    }

    private static void notifications(AppConfig c) {
        AppConfig.Notifications n = c.notifications();
        if (n.directory() != null && Files.exists(n.directory()) && !Files.isDirectory(n.directory())) {
            throw c.errorAt("notifications.directory", n.directory() + " is a file, not a folder");
        }
        AppConfig.Smtp s = n.smtp();
        if (s == null) {
            return;
        }
        if ((s.username() == null) != (s.password() == null)) {
            throw c.errorAt("notifications.smtp." + (s.username() == null ? "password" : "username"),
                    "username and password go together: give both, or neither for a server without login");
        }
        if (s.username() != null && !s.startTls() && !isLoopback(s.host())) {
            throw c.errorAt("notifications.smtp.startTls", "false with a login to " + s.host() + " would send the "
                    + "password in clear text over the network; keep startTls true (only a loopback server may go "
                    + "without)");
        }
    }

    private static void encrypted(AppConfig c, String key, URI url, String what) {
        if (url.getScheme().equalsIgnoreCase("http") && !isLoopback(url.getHost())) {
            throw c.errorAt(key, "plain http to " + url.getHost() + " would send " + what + " in clear text; use "
                    + "https (plain http is allowed for a loopback host only)");
        }
    }

    /** localhost, 127.0.0.0/8 or ::1, decided from the text alone: no DNS lookup while loading a file. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        h = h.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
