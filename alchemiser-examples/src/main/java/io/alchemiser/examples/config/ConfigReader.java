package io.alchemiser.examples.config;

import io.alchemiser.core.domain.Secret;
import io.alchemiser.examples.config.AppConfig.BrokerType;
import io.alchemiser.examples.config.AppConfig.DataSource;
import io.alchemiser.examples.config.AppConfig.DataStore;
import io.alchemiser.examples.config.AppConfig.Feed;
import io.alchemiser.examples.config.ConfigNode.Section;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The schema of the configuration file: which keys each section has, each value's type and range, and the
 * defaults. Relative paths are resolved against the file's directory. Every error names the file, line, column and
 * key path. Combinations of values are checked afterwards by {@link ConfigChecks}.
 */
final class ConfigReader {
    static final NumberRange WEIGHT = NumberRange.from("0", "1");
    static final NumberRange SIMULATED_CASH = NumberRange.above("0", "1000000000000");
    static final NumberRange SPREAD_BPS = NumberRange.from("0", "1000");
    static final NumberRange SEED = NumberRange.whole(Long.MIN_VALUE, Long.MAX_VALUE);
    static final NumberRange MIN_TRADE_DOLLARS = NumberRange.from("0", "1000000");
    static final NumberRange MIN_TRADE_PERCENT = NumberRange.below("0", "100");
    static final NumberRange FRAGILE_MARGIN_PERCENT = NumberRange.below("0", "100");
    static final NumberRange CASH_RESERVE = NumberRange.from("0", "1000000000000");
    static final NumberRange STEP = NumberRange.from("0", "1");
    static final int MAX_STEPS = 10;
    static final NumberRange STEP_WAIT_SECONDS = NumberRange.whole(1, 600);
    static final NumberRange CONCURRENCY = NumberRange.whole(1, 64);
    static final NumberRange MAX_SPREAD_PERCENT = NumberRange.between("0", "100");
    static final NumberRange BUYING_POWER_WAIT_SECONDS = NumberRange.whole(0, 600);
    static final NumberRange MINUTES_BEFORE_CLOSE = NumberRange.whole(1, 390);
    static final NumberRange SMTP_PORT = NumberRange.whole(1, 65535);
    static final NumberRange REQUESTS_PER_MINUTE = NumberRange.whole(1, 10_000);
    static final LocalDate EARLIEST_HISTORY = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_HISTORY = LocalDate.of(2099, 12, 31);

    private static final Set<String> TOP = Set.of("strategies", "broker", "data", "evaluation", "rebalance", "execution", "schedule",
            "ledger", "notifications");

    private final Path file;
    private final Path dir;
    private final Map<String, String> positions = new HashMap<>();

    ConfigReader(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.dir = parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Reads the document's root node into a configuration with every default filled. */
    AppConfig read(Node root) {
        Section top = ConfigNode.root(file, root, positions).section(TOP);
        List<AppConfig.StrategyEntry> strategies = strategies(top);
        AppConfig.Broker broker = broker(top.section("broker", Set.of("type", "simulated", "alpaca")));
        AppConfig.Data data = data(top.section("data", Set.of("store", "path", "s3", "source", "sourcePath",
                "historyStart", "intraday")), broker.type().isAlpaca());
        Section e = top.section("evaluation", Set.of("fragileMarginPercent"));
        AppConfig.Evaluation evaluation = new AppConfig.Evaluation(
                decimal(e, "fragileMarginPercent", FRAGILE_MARGIN_PERCENT, new BigDecimal("0.5")).doubleValue());
        AppConfig.Rebalance rebalance = rebalance(top.section("rebalance", Set.of("minTradeDollars", "minTradePercent",
                "cashReserve", "fractionalShares", "anchor")));
        AppConfig.Execution execution = execution(top.section("execution", Set.of("steps", "stepWaitSeconds",
                "concurrency", "maxSpreadPercent", "buyingPowerWaitSeconds")));
        Section schedule = top.section("schedule", Set.of("minutesBeforeClose"));
        Section ledger = top.section("ledger", Set.of("path"));
        return new AppConfig(file, strategies, broker, data, evaluation, rebalance, execution,
                new AppConfig.Schedule(integer(schedule, "minutesBeforeClose", MINUTES_BEFORE_CLOSE, 15)),
                new AppConfig.Ledger(path(ledger, "path").orElse(dir.resolve("ledger/alchemiser").normalize())),
                notifications(top.section("notifications", Set.of("directory", "smtp"))),
                new KeyPositions(file, positions));
    }

    private List<AppConfig.StrategyEntry> strategies(Section top) {
        List<ConfigNode> items = top.get("strategies").map(ConfigNode::items).orElse(List.of());
        if (items.isEmpty()) {
            throw top.node().error("'strategies' is required: at least one symphony file and its weight, e.g."
                    + " strategies: [{file: nuclear.clj, weight: 1}]");
        }
        List<AppConfig.StrategyEntry> out = new ArrayList<>();
        for (ConfigNode item : items) {
            Section s = item.section(Set.of("file", "weight", "name"));
            Path path = path(s, "file").orElseThrow(() -> item.error("'file' is required: the path of a .clj symphony"
                    + " export"));
            ConfigNode weight = s.get("weight").orElseThrow(() -> item.error("'weight' is required: the strategy's"
                    + " share of the portfolio, e.g. 0.4"));
            out.add(new AppConfig.StrategyEntry(path, WEIGHT.read(weight).doubleValue(),
                    s.get("name").map(ConfigReader::nonBlank).orElse(null)));
        }
        return out;
    }

    private AppConfig.Broker broker(Section b) {
        BrokerType type = choice(b, "type", BrokerType.values(), BrokerType.SIMULATED);
        Section sim = b.section("simulated", Set.of("cash", "spreadBps", "seed", "startAt"));
        AppConfig.Simulated simulated = new AppConfig.Simulated(
                decimal(sim, "cash", SIMULATED_CASH, new BigDecimal("100000")),
                decimal(sim, "spreadBps", SPREAD_BPS, new BigDecimal("5")).doubleValue(),
                sim.get("seed").map(n -> SEED.read(n).longValueExact()).orElse(42L),
                sim.get("startAt").map(ConfigReader::dateTime).orElse(null));
        AppConfig.Alpaca alpaca = null;
        if (b.has("alpaca")) {
            Section a = b.section("alpaca", Set.of("keyId", "secretKey", "tradingUrl", "dataUrl", "quoteFeed",
                    "historyFeed", "requestsPerMinute"));
            alpaca = new AppConfig.Alpaca(secret(a, "keyId"), secret(a, "secretKey"),
                    a.get("tradingUrl").map(ConfigReader::url).orElse(null),
                    a.get("dataUrl").map(ConfigReader::url).orElse(null), choice(a, "quoteFeed", Feed.values(), null),
                    choice(a, "historyFeed", Feed.values(), null),
                    a.get("requestsPerMinute").map(n -> REQUESTS_PER_MINUTE.read(n).intValueExact()).orElse(null));
        }
        return new AppConfig.Broker(type, simulated, alpaca);
    }

    /** The data section; {@code intraday} defaults to on with a live broker, off with the simulated one. */
    private AppConfig.Data data(Section d, boolean liveQuotes) {
        AppConfig.S3 s3 = null;
        if (d.has("s3")) {
            Section s = d.section("s3", Set.of("bucket", "prefix", "region", "endpoint", "pathStyle"));
            s3 = new AppConfig.S3(
                    s.get("bucket").map(ConfigReader::nonBlank).orElseThrow(() -> s.node().error("'bucket' is required")),
                    s.get("prefix").map(ConfigNode::text).orElse(""),
                    s.get("region").map(ConfigReader::nonBlank).orElse(null), // unset: the AWS SDK region chain
                    s.get("endpoint").map(ConfigReader::url).orElse(null), bool(s, "pathStyle", false));
        }
        LocalDate historyStart = d.get("historyStart").map(ConfigReader::date).orElse(LocalDate.of(2015, 1, 1));
        return new AppConfig.Data(choice(d, "store", DataStore.values(), DataStore.LOCAL),
                path(d, "path").orElse(dir.resolve("data/lake").normalize()), s3,
                choice(d, "source", DataSource.values(), DataSource.ALPACA), path(d, "sourcePath").orElse(null),
                historyStart, bool(d, "intraday", liveQuotes));
    }

    private AppConfig.Rebalance rebalance(Section r) {
        return new AppConfig.Rebalance(decimal(r, "minTradeDollars", MIN_TRADE_DOLLARS, BigDecimal.ONE),
                decimal(r, "minTradePercent", MIN_TRADE_PERCENT, new BigDecimal("0.1")).doubleValue(),
                decimal(r, "cashReserve", CASH_RESERVE, BigDecimal.ZERO), bool(r, "fractionalShares", true),
                choice(r, "anchor", AppConfig.Anchor.values(), AppConfig.Anchor.FIRST));
    }

    private AppConfig.Execution execution(Section e) {
        List<Double> steps = List.of(0.75, 0.85, 0.95);
        Optional<ConfigNode> stepsNode = e.get("steps");
        if (stepsNode.isPresent()) {
            List<ConfigNode> items = stepsNode.get().items();
            if (items.isEmpty() || items.size() > MAX_STEPS) {
                throw stepsNode.get().error("needs 1 to " + MAX_STEPS + " steps, e.g. [0.75, 0.85, 0.95], got "
                        + items.size());
            }
            List<Double> read = new ArrayList<>();
            for (ConfigNode item : items) {
                double f = STEP.read(item).doubleValue();
                if (!read.isEmpty() && f <= read.get(read.size() - 1)) {
                    throw item.error("steps must be strictly increasing, but " + item.shown() + " follows "
                            + read.get(read.size() - 1));
                }
                read.add(f);
            }
            steps = read;
        }
        return new AppConfig.Execution(steps, integer(e, "stepWaitSeconds", STEP_WAIT_SECONDS, 30),
                integer(e, "concurrency", CONCURRENCY, 10),
                decimal(e, "maxSpreadPercent", MAX_SPREAD_PERCENT, new BigDecimal("2")).doubleValue(),
                integer(e, "buyingPowerWaitSeconds", BUYING_POWER_WAIT_SECONDS, 60));
    }

    private AppConfig.Notifications notifications(Section n) {
        AppConfig.Smtp smtp = null;
        if (n.has("smtp")) {
            Section s = n.section("smtp", Set.of("host", "port", "username", "password", "from", "to", "startTls"));
            List<String> to = new ArrayList<>();
            for (ConfigNode address : s.get("to").map(ConfigNode::items).orElse(List.of())) {
                to.add(nonBlank(address));
            }
            if (to.isEmpty()) {
                throw s.node().error("'to' is required: at least one address, e.g. to: [me@example.com]");
            }
            smtp = new AppConfig.Smtp(
                    s.get("host").map(ConfigReader::nonBlank).orElseThrow(() -> s.node().error("'host' is required")),
                    integer(s, "port", SMTP_PORT, 587), s.get("username").map(ConfigReader::nonBlank).orElse(null),
                    secret(s, "password"),
                    s.get("from").map(ConfigReader::nonBlank).orElseThrow(() -> s.node().error("'from' is required")),
                    to, bool(s, "startTls", true));
        }
        return new AppConfig.Notifications(path(n, "directory").orElse(null), smtp);
    }

    private Optional<Path> path(Section s, String key) {
        return s.get(key).map(node -> {
            try {
                return dir.resolve(Path.of(nonBlank(node))).normalize();
            } catch (InvalidPathException e) {
                throw node.error("not a usable path: " + e.getReason());
            }
        });
    }

    private static int integer(Section s, String key, NumberRange range, int fallback) {
        return s.get(key).map(n -> range.read(n).intValueExact()).orElse(fallback);
    }

    private static BigDecimal decimal(Section s, String key, NumberRange range, BigDecimal fallback) {
        return s.get(key).map(range::read).orElse(fallback);
    }

    private static boolean bool(Section s, String key, boolean fallback) {
        return s.get(key).map(n -> {
            String text = n.text().strip().toLowerCase(Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                throw n.error("expected true or false, got '" + n.shown() + "'");
            }
            return text.equals("true");
        }).orElse(fallback);
    }

    private static <E extends Enum<E> & AppConfig.Choice> E choice(Section s, String key, E[] values, E fallback) {
        Map<String, E> byName = Arrays.stream(values).collect(Collectors.toMap(AppConfig.Choice::configName,
                Function.identity()));
        return s.get(key).map(n -> {
            E value = byName.get(n.text().strip());
            if (value == null) {
                throw n.error("must be one of " + new TreeSet<>(byName.keySet()) + ", got '" + n.shown() + "'");
            }
            return value;
        }).orElse(fallback);
    }

    private static Secret secret(Section s, String key) {
        return s.get(key).map(n -> {
            String text = n.text();
            if (text.isBlank()) {
                throw n.error("is blank: give the credential, or leave the key out to read it from the environment");
            }
            return Secret.of(text);
        }).orElse(null);
    }

    private static String nonBlank(ConfigNode n) {
        String text = n.text().strip();
        if (text.isEmpty()) {
            throw n.error("must not be blank");
        }
        return text;
    }

    /** A date such as {@code 2015-01-31}, from {@link #EARLIEST_HISTORY} to {@link #LATEST_HISTORY}. */
    private static LocalDate date(ConfigNode n) {
        return temporal(n, LocalDate::parse, d -> d, "a date like 2015-01-31");
    }

    /** A New York wall time such as {@code 2026-11-24T15:45}, on a date in the same range. */
    private static LocalDateTime dateTime(ConfigNode n) {
        return temporal(n, LocalDateTime::parse, LocalDateTime::toLocalDate,
                "a New York date and time like 2026-11-24T15:45");
    }

    private static <T> T temporal(ConfigNode n, Function<String, T> parse, Function<T, LocalDate> dateOf,
            String expected) {
        T value;
        try {
            value = parse.apply(n.text().strip());
        } catch (DateTimeParseException e) {
            throw n.error("expected " + expected + ", got '" + n.shown() + "'");
        }
        LocalDate date = dateOf.apply(value);
        if (date.isBefore(EARLIEST_HISTORY) || date.isAfter(LATEST_HISTORY)) {
            throw n.error("must be on a date from " + EARLIEST_HISTORY + " to " + LATEST_HISTORY + ", got " + value);
        }
        return value;
    }

    /**
     * An absolute http(s) URL with a host and without credentials, query or fragment. The messages never quote the
     * value: a mistyped URL may hold a password.
     */
    private static URI url(ConfigNode n) {
        URI uri;
        try {
            uri = new URI(n.text().strip());
        } catch (URISyntaxException e) {
            throw n.error("not a URL: " + e.getReason());
        }
        if (uri.getRawUserInfo() != null) {
            throw n.error("must not carry a user name or password; credentials have keys of their own");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw n.error("expected an absolute http(s) URL such as https://example.com");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw n.error("must not carry a query (?...) or fragment (#...)");
        }
        return uri;
    }
}
