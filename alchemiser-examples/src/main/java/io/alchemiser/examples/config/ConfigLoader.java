package io.alchemiser.examples.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.alchemiser.core.domain.Secret;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads an {@link AppConfig} from YAML. Unknown keys are errors, not ignored; every error names the file, the
 * line and column where Jackson saw it, and the key path ({@code broker.alpaca.feed}). After reading, it fills
 * the documented defaults, resolves paths against the file's directory and checks values.
 */
public final class ConfigLoader {
    private static final Set<String> BROKERS = Set.of("simulated", "alpaca-paper", "alpaca-live");
    private static final Set<String> STORES = Set.of("local", "s3", "csv");
    private static final Set<String> SOURCES = Set.of("alpaca", "csv");

    private final ObjectMapper yaml;

    public ConfigLoader() {
        SimpleModule module = new SimpleModule("alchemiser-config");
        module.addDeserializer(Path.class, new JsonDeserializer<>() {
            @Override
            public Path deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return Path.of(p.getValueAsString());
            }
        });
        module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw JsonMappingException.from(p, "expected a date like 2024-01-31, got '" + text + "'");
                }
            }
        });
        module.addDeserializer(java.time.LocalDateTime.class, new JsonDeserializer<>() {
            @Override
            public java.time.LocalDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                String text = p.getValueAsString();
                try {
                    return java.time.LocalDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw JsonMappingException.from(p, "expected a New York date and time like 2026-11-24T15:45, got '"
                            + text + "'");
                }
            }
        });
        module.addDeserializer(Secret.class, new JsonDeserializer<>() {
            @Override
            public Secret deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return Secret.of(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage());
                }
            }
        });
        this.yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(module)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** @throws ConfigException naming the file, position and key of the first problem */
    public AppConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file: " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses YAML text as if read from {@code file} (used for messages and to resolve relative paths). */
    public AppConfig parse(Path file, String text) {
        AppConfig raw;
        try {
            raw = yaml.readValue(text, AppConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(whereKey(file, text, e) + "unknown key '" + e.getPropertyName() + "'"
                    + inSection(e) + "; known keys: " + known(e.getKnownPropertyIds()), e);
        } catch (JsonMappingException e) {
            throw new ConfigException(where(file, e.getLocation()) + "bad value for '" + path(e) + "': "
                    + e.getOriginalMessage().replaceAll("\\s*\\(for .*$", "").split("\n")[0], e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where(file, e.getLocation()) + "not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (raw == null) {
            throw new ConfigException(file + ": the configuration file is empty");
        }
        return new ConfigDefaults(file).apply(raw);
    }

    private static String where(Path file, JsonLocation loc) {
        return loc == null ? file + ": " : file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }

    /**
     * Jackson reports an unknown key at the token after it (often the next line); point at the key itself by
     * searching backwards from there for {@code key:}.
     */
    private static String whereKey(Path file, String text, UnrecognizedPropertyException e) {
        JsonLocation loc = e.getLocation();
        String[] lines = text.split("\n", -1);
        int from = loc == null ? lines.length : Math.min(loc.getLineNr(), lines.length);
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("(^|[\\s{,])" +
                java.util.regex.Pattern.quote(String.valueOf(e.getPropertyName())) + "\\s*:");
        for (int i = from - 1; i >= 0; i--) {
            java.util.regex.Matcher m = key.matcher(lines[i]);
            if (m.find()) {
                return file + ":" + (i + 1) + ":" + (m.start() + m.group(1).length() + 1) + ": ";
            }
        }
        return where(file, loc);
    }

    private static String inSection(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (refs.size() <= 1) {
            return " at the top level";
        }
        return " in '" + render(refs.subList(0, refs.size() - 1)) + "'";
    }

    private static String path(JsonMappingException e) {
        return render(e.getPath());
    }

    private static String render(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String known(Collection<Object> ids) {
        return new TreeSet<>(ids.stream().map(String::valueOf).collect(Collectors.toList())).toString();
    }

    /** Fills defaults and checks values; errors name the file and key. */
    private static final class ConfigDefaults {
        private final Path file;
        private final Path dir;

        ConfigDefaults(Path file) {
            this.file = file;
            Path parent = file.toAbsolutePath().getParent();
            this.dir = parent == null ? Path.of("").toAbsolutePath() : parent;
        }

        AppConfig apply(AppConfig raw) {
            return new AppConfig(file, strategies(raw.strategies()), broker(raw.broker()), data(raw.data()),
                    rebalance(raw.rebalance()), execution(raw.execution()), schedule(raw.schedule()), ledger(raw.ledger()),
                    notifications(raw.notifications()));
        }

        private ConfigException error(String key, String message) {
            return new ConfigException(file + ": " + key + ": " + message);
        }

        private Path resolve(Path p) {
            return p == null ? null : dir.resolve(p).normalize();
        }

        private List<AppConfig.StrategyEntry> strategies(List<AppConfig.StrategyEntry> raw) {
            if (raw == null || raw.isEmpty()) {
                throw error("strategies", "at least one strategy is required (file and weight)");
            }
            List<AppConfig.StrategyEntry> out = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < raw.size(); i++) {
                AppConfig.StrategyEntry e = raw.get(i);
                String key = "strategies[" + i + "]";
                if (e == null || e.file() == null) {
                    throw error(key + ".file", "missing: the path of a .clj symphony export");
                }
                if (e.weight() == null) {
                    throw error(key + ".weight", "missing: the strategy's share of the portfolio, e.g. 0.4");
                }
                if (!Double.isFinite(e.weight()) || e.weight() < 0 || e.weight() > 1) {
                    throw error(key + ".weight", "must be a fraction in [0, 1], got " + e.weight());
                }
                Path path = resolve(e.file());
                if (!Files.isRegularFile(path)) {
                    throw error(key + ".file", "no such file: " + path);
                }
                sum += e.weight();
                out.add(new AppConfig.StrategyEntry(path, e.weight(), e.name()));
            }
            if (Math.abs(sum - 1) > 1e-6) {
                throw error("strategies", "weights must sum to 1, got " + sum);
            }
            return List.copyOf(out);
        }

        private AppConfig.Broker broker(AppConfig.Broker raw) {
            String type = raw == null || raw.type() == null ? "simulated" : raw.type();
            if (!BROKERS.contains(type)) {
                throw error("broker.type", "must be one of " + new TreeSet<>(BROKERS) + ", got '" + type + "'");
            }
            AppConfig.Simulated sim = raw == null ? null : raw.simulated();
            sim = new AppConfig.Simulated(
                    sim == null || sim.cash() == null ? new BigDecimal("100000") : positive("broker.simulated.cash", sim.cash()),
                    sim == null || sim.spreadBps() == null ? 5.0 : sim.spreadBps(),
                    sim == null || sim.seed() == null ? 42L : sim.seed(), sim == null ? null : sim.startAt());
            AppConfig.Alpaca alpaca = raw == null ? null : raw.alpaca();
            if (alpaca != null && alpaca.feed() != null && !Set.of("iex", "sip").contains(alpaca.feed())) {
                throw error("broker.alpaca.feed", "must be iex or sip, got '" + alpaca.feed() + "'");
            }
            return new AppConfig.Broker(type, sim, alpaca);
        }

        private AppConfig.Data data(AppConfig.Data raw) {
            String store = raw == null || raw.store() == null ? "local" : raw.store();
            if (!STORES.contains(store)) {
                throw error("data.store", "must be one of " + new TreeSet<>(STORES) + ", got '" + store + "'");
            }
            String source = raw == null || raw.source() == null ? "alpaca" : raw.source();
            if (!SOURCES.contains(source)) {
                throw error("data.source", "must be one of " + new TreeSet<>(SOURCES) + ", got '" + source + "'");
            }
            Path path = resolve(raw == null || raw.path() == null ? Path.of("data/lake") : raw.path());
            if ("s3".equals(store) && (raw.s3() == null || raw.s3().bucket() == null || raw.s3().bucket().isBlank())) {
                throw error("data.s3.bucket", "required when data.store is s3");
            }
            Path sourcePath = resolve(raw == null ? null : raw.sourcePath());
            if ("csv".equals(source) && sourcePath == null && !"csv".equals(store)) {
                throw error("data.sourcePath", "required when data.source is csv: the folder of SYMBOL.csv files");
            }
            AppConfig.S3 s3 = raw == null ? null : raw.s3();
            if (s3 != null) {
                s3 = new AppConfig.S3(s3.bucket(), s3.prefix() == null ? "" : s3.prefix(),
                        s3.region(), s3.endpoint(), // no region: the AWS SDK's region chain decides
                        s3.pathStyle() != null && s3.pathStyle());
            }
            return new AppConfig.Data(store, path, s3, source, sourcePath,
                    raw == null || raw.historyStart() == null ? LocalDate.of(2015, 1, 1) : raw.historyStart(),
                    raw == null || raw.intraday() == null || raw.intraday());
        }

        private AppConfig.Rebalance rebalance(AppConfig.Rebalance raw) {
            BigDecimal minDollars = raw == null || raw.minTradeDollars() == null ? BigDecimal.ONE
                    : nonNegative("rebalance.minTradeDollars", raw.minTradeDollars());
            double minPercent = raw == null || raw.minTradePercent() == null ? 0.1 : raw.minTradePercent();
            if (!(minPercent >= 0 && minPercent < 100)) {
                throw error("rebalance.minTradePercent", "must be a percent in [0, 100), got " + minPercent);
            }
            BigDecimal reserve = raw == null || raw.cashReserve() == null ? BigDecimal.ZERO
                    : nonNegative("rebalance.cashReserve", raw.cashReserve());
            boolean fractional = raw == null || raw.fractionalShares() == null || raw.fractionalShares();
            return new AppConfig.Rebalance(minDollars, minPercent, reserve, fractional);
        }

        private AppConfig.Execution execution(AppConfig.Execution raw) {
            List<Double> steps = raw == null || raw.steps() == null ? List.of(0.75, 0.85, 0.95) : raw.steps();
            long wait = raw == null || raw.stepWaitSeconds() == null ? 30 : raw.stepWaitSeconds();
            int concurrency = raw == null || raw.concurrency() == null ? 10 : raw.concurrency();
            double spread = raw == null || raw.maxSpreadPercent() == null ? 2.0 : raw.maxSpreadPercent();
            long bpWait = raw == null || raw.buyingPowerWaitSeconds() == null ? 60 : raw.buyingPowerWaitSeconds();
            if (wait <= 0) {
                throw error("execution.stepWaitSeconds", "must be positive, got " + wait);
            }
            if (concurrency < 1 || concurrency > 64) {
                throw error("execution.concurrency", "must be in [1, 64], got " + concurrency);
            }
            if (!(spread > 0 && spread < 100)) {
                throw error("execution.maxSpreadPercent", "must be a percent in (0, 100), got " + spread);
            }
            for (int i = 0; i < steps.size(); i++) {
                Double f = steps.get(i);
                if (f == null || !(f >= 0 && f <= 1) || i > 0 && f <= steps.get(i - 1)) {
                    throw error("execution.steps", "must be strictly increasing fractions in [0, 1], got " + steps);
                }
            }
            if (steps.isEmpty()) {
                throw error("execution.steps", "needs at least one step, e.g. [0.75, 0.85, 0.95]");
            }
            return new AppConfig.Execution(List.copyOf(steps), wait, concurrency, spread, bpWait);
        }

        private AppConfig.Schedule schedule(AppConfig.Schedule raw) {
            int minutes = raw == null || raw.minutesBeforeClose() == null ? 15 : raw.minutesBeforeClose();
            if (minutes < 1 || minutes > 390) {
                throw error("schedule.minutesBeforeClose", "must be between 1 and 390, got " + minutes);
            }
            return new AppConfig.Schedule(minutes);
        }

        private AppConfig.Ledger ledger(AppConfig.Ledger raw) {
            return new AppConfig.Ledger(resolve(raw == null || raw.path() == null ? Path.of("ledger/alchemiser") : raw.path()));
        }

        private AppConfig.Notifications notifications(AppConfig.Notifications raw) {
            if (raw == null) {
                return new AppConfig.Notifications(null, null);
            }
            AppConfig.Smtp smtp = raw.smtp();
            if (smtp != null) {
                if (smtp.host() == null || smtp.host().isBlank()) {
                    throw error("notifications.smtp.host", "required for SMTP delivery");
                }
                if (smtp.from() == null || smtp.to() == null || smtp.to().isEmpty()) {
                    throw error("notifications.smtp", "needs 'from' and at least one address in 'to'");
                }
                smtp = new AppConfig.Smtp(smtp.host(), smtp.port() == null ? 587 : smtp.port(), smtp.username(),
                        smtp.password(), smtp.from(), List.copyOf(smtp.to()), smtp.startTls() == null || smtp.startTls());
            }
            return new AppConfig.Notifications(resolve(raw.directory()), smtp);
        }

        private BigDecimal positive(String key, BigDecimal v) {
            if (v.signum() <= 0) {
                throw error(key, "must be positive, got " + v);
            }
            return v;
        }

        private BigDecimal nonNegative(String key, BigDecimal v) {
            if (v.signum() < 0) {
                throw error(key, "must not be negative, got " + v);
            }
            return v;
        }
    }
}
