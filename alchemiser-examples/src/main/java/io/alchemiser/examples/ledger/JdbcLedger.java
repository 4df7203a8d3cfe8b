package io.alchemiser.examples.ledger;

import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.RunId;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import io.alchemiser.core.domain.ledger.RunRecord;
import io.alchemiser.core.domain.ledger.RunStatus;
import io.alchemiser.core.domain.ledger.TradeRecord;
import io.alchemiser.core.domain.ledger.TradeStatus;
import io.alchemiser.core.port.Ledger;
import io.alchemiser.core.port.LedgerException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Ledger} in an embedded H2 database: a file ({@code jdbc:h2:file:/path/alchemiser-ledger}, see
 * {@link #openFile(Path)}) or memory ({@code jdbc:h2:mem:}).
 *
 * <p><b>Append-only:</b> the ledger only ever INSERTs. A trade's key (run, symbol, side) is a unique constraint,
 * so a second trade with the same key fails with a {@link LedgerException} and changes nothing. Every run state
 * change is its own row; {@link #latestRun} is the last row appended for the run, and {@link #runs()} lists each
 * run's last row, most recent trading date first (runs of one date: latest appended first).
 *
 * <p><b>Durability:</b> each append is committed, and the database writes each commit to its file at once
 * ({@code WRITE_DELAY 0}), so once {@code append*} returns the record survives the end of the process, even an
 * abrupt one, and a new {@code JdbcLedger} on the same file reads it.
 *
 * <p><b>Schema:</b> created on first use and versioned in a {@code LEDGER_SCHEMA} table (see
 * {@link LedgerSchema}); a file written by a newer build is refused rather than misread. Queryable fields are
 * columns; attribution, decision paths, portfolio, plan and evaluations are JSON text columns. Amounts are
 * stored as exact decimal text, so every {@link BigDecimal} reads back with its value and scale.
 *
 * <p><b>Threading:</b> safe from any number of threads: the ledger owns one connection and serialises the
 * operations on it (appends are a few milliseconds; a run records at most a few dozen).
 * <b>Errors:</b> {@link LedgerException} whose message names the database and the operation. H2 lets one
 * process at a time open a file database: a second process gets an error saying the file is in use.
 *
 * <p>Close the ledger when done; operations on a closed ledger fail.
 */
public final class JdbcLedger implements Ledger, AutoCloseable {
    private static final String TRADE_COLUMNS = "RUN_ID, TRADING_DATE, SYMBOL, SIDE, STATUS, PLANNED_QUANTITY,"
            + " FILLED_QUANTITY, AVERAGE_FILL_PRICE, BID, ASK, CLIENT_ORDER_ID, ATTEMPTS, REASON, RECORDED_AT,"
            + " ATTRIBUTION_JSON, DECISION_PATH_JSON, ROUND";
    private static final String RUN_COLUMNS = "RUN_ID, TRADING_DATE, STATUS, AT, MESSAGE, PORTFOLIO_JSON, PLAN_JSON,"
            + " EVALUATIONS_JSON, ROUND, SLEEVES_JSON";
    private static final String UNIQUE_VIOLATION = "23505";

    private final String database;
    private final Object lock = new Object();
    private Connection connection;

    /** Opens (creating if needed) the database at {@code jdbcUrl}, with the system clock. */
    public JdbcLedger(String jdbcUrl) {
        this(jdbcUrl, Clock.systemUTC());
    }

    /**
     * Opens (creating if needed) the database at {@code jdbcUrl}; {@code clock} stamps the schema versions it
     * installs.
     *
     * @throws LedgerException if the database cannot be opened or has a newer schema
     */
    public JdbcLedger(String jdbcUrl, Clock clock) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        this.database = displayName(jdbcUrl);
        Connection c = null;
        try {
            c = DriverManager.getConnection(jdbcUrl);
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("SET WRITE_DELAY 0");
            }
            LedgerSchema.migrate(c, clock.instant());
            this.connection = c;
        } catch (SQLException | LedgerException e) {
            closeQuietly(c, e);
            throw new LedgerException("ledger " + database + ": cannot open the database: " + e.getMessage(), e);
        } catch (RuntimeException e) { // a bug: close what was opened and let it surface as itself
            closeQuietly(c, e);
            throw e;
        }
    }

    /**
     * Opens (creating if needed) an H2 file database at {@code path} (without extension; H2 adds
     * {@code .mv.db}), creating its parent directories.
     */
    public static JdbcLedger openFile(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new LedgerException("ledger " + absolute + ": cannot create its directory: " + e.getMessage(), e);
        }
        // DB_CLOSE_ON_EXIT=FALSE: a signal must not close the ledger under a run that is recording its stop.
        return new JdbcLedger("jdbc:h2:file:" + absolute + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * Opens the H2 file database at {@code path} (without extension) only if it exists, for readers such as the
     * {@code ledger} command, which should say "no such ledger" rather than create an empty one.
     *
     * @throws LedgerException if {@code path.mv.db} does not exist or cannot be opened
     */
    public static JdbcLedger openExistingFile(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path file = absolute.resolveSibling(absolute.getFileName() + ".mv.db");
        if (!Files.isRegularFile(file)) {
            throw new LedgerException("ledger " + absolute + ": no ledger database at " + file
                    + " (nothing has been recorded there yet, or the path is wrong)");
        }
        return new JdbcLedger("jdbc:h2:file:" + absolute + ";IFEXISTS=TRUE;DB_CLOSE_ON_EXIT=FALSE");
    }

    /** The database, as named in messages: the JDBC URL without its options. */
    public String database() {
        return database;
    }

    @Override
    public void appendTrade(TradeRecord t) {
        Objects.requireNonNull(t, "trade");
        String operation = "appendTrade(" + t.key() + ")";
        run(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO TRADES (" + TRADE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.runId().value());
                ps.setObject(2, t.tradingDate());
                ps.setString(3, t.symbol().value());
                ps.setString(4, t.side().name());
                ps.setString(5, t.status().name());
                ps.setString(6, t.plannedQuantity().toString());
                ps.setString(7, t.filledQuantity().toString());
                setDecimal(ps, 8, t.averageFillPrice());
                setDecimal(ps, 9, t.bid());
                setDecimal(ps, 10, t.ask());
                ps.setString(11, t.lastClientOrderId().value());
                ps.setInt(12, t.attempts());
                ps.setString(13, t.reason());
                ps.setObject(14, utc(t.recordedAt()));
                ps.setString(15, LedgerJson.attribution(t.attribution()));
                ps.setString(16, LedgerJson.lines(t.decisionPath()));
                ps.setInt(17, t.round());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new LedgerException("ledger " + database + ": " + operation + ": trade " + t.key()
                            + " is already recorded; the ledger is append-only", e);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void appendRun(RunRecord r) {
        Objects.requireNonNull(r, "run");
        run("appendRun(" + r.runId() + " " + r.status() + ")", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO RUNS (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.runId().value());
                ps.setObject(2, r.tradingDate());
                ps.setString(3, r.status().name());
                ps.setObject(4, utc(r.at()));
                ps.setString(5, r.message());
                ps.setString(6, r.portfolio() == null ? null : LedgerJson.portfolio(r.portfolio()));
                ps.setString(7, r.plan() == null ? null : LedgerJson.plan(r.plan()));
                ps.setString(8, LedgerJson.evaluations(r.evaluations()));
                ps.setInt(9, r.round());
                ps.setString(10, r.sleeves() == null ? null : LedgerJson.sleeves(r.sleeves()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<TradeRecord> trades(RunId runId) {
        Objects.requireNonNull(runId, "runId");
        return queryTrades("trades(" + runId + ")", "WHERE RUN_ID = ? ORDER BY SEQ", runId.value());
    }

    @Override
    public List<TradeRecord> tradesForSymbol(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        return queryTrades("tradesForSymbol(" + symbol + ")", "WHERE SYMBOL = ? ORDER BY TRADING_DATE, SEQ",
                symbol.value());
    }

    @Override
    public List<TradeRecord> tradesSince(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return queryTrades("tradesSince(" + date + ")", "WHERE TRADING_DATE >= ? ORDER BY TRADING_DATE, SEQ", date);
    }

    @Override
    public Optional<RunRecord> latestRun(RunId runId) {
        Objects.requireNonNull(runId, "runId");
        List<RunRecord> last = queryRuns("latestRun(" + runId + ")",
                "SELECT " + RUN_COLUMNS + " FROM RUNS WHERE RUN_ID = ? ORDER BY SEQ DESC LIMIT 1", runId.value());
        return last.stream().findFirst();
    }

    @Override
    public List<RunRecord> runHistory(RunId runId) {
        Objects.requireNonNull(runId, "runId");
        return queryRuns("runHistory(" + runId + ")",
                "SELECT " + RUN_COLUMNS + " FROM RUNS WHERE RUN_ID = ? ORDER BY SEQ", runId.value());
    }

    @Override
    public List<RunRecord> runs() {
        return queryRuns("runs()", "SELECT " + RUN_COLUMNS + " FROM RUNS R"
                + " WHERE R.SEQ = (SELECT MAX(L.SEQ) FROM RUNS L WHERE L.RUN_ID = R.RUN_ID)"
                + " ORDER BY R.TRADING_DATE DESC, R.SEQ DESC");
    }

    /** Closes the database connection; closing twice does nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (connection == null) {
                return;
            }
            try {
                connection.close();
            } catch (SQLException e) {
                throw new LedgerException("ledger " + database + ": close failed: " + e.getMessage(), e);
            } finally {
                connection = null;
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcLedger[" + database + "]";
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /** One unit of work on the connection. */
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T run(String operation, Work<T> work) {
        synchronized (lock) {
            if (connection == null) {
                throw new LedgerException("ledger " + database + ": " + operation + ": the ledger is closed");
            }
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new LedgerException("ledger " + database + ": " + operation + " failed: " + e.getMessage(), e);
            }
        }
    }

    private List<TradeRecord> queryTrades(String operation, String where, Object parameter) {
        return run(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TRADE_COLUMNS + " FROM TRADES " + where)) {
                ps.setObject(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    List<TradeRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(decoded(operation, rs, JdbcLedger::trade));
                    }
                    return List.copyOf(out);
                }
            }
        });
    }

    private List<RunRecord> queryRuns(String operation, String sql, Object... parameters) {
        return run(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<RunRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(decoded(operation, rs, JdbcLedger::run));
                    }
                    return List.copyOf(out);
                }
            }
        });
    }

    /** How one row becomes a record. */
    private interface RowDecoder<T> {
        T decode(ResultSet rs) throws SQLException;
    }

    /**
     * The record of the current row. A row that no longer makes a valid record (hand-edited, or written by a broken
     * build) fails the records' own checks or the JSON reading: that, and only that, is a {@link LedgerException}
     * naming the operation, with the cause kept.
     */
    private <T> T decoded(String operation, ResultSet rs, RowDecoder<T> decoder) throws SQLException {
        try {
            return decoder.decode(rs);
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException
                | DateTimeException e) {
            throw new LedgerException("ledger " + database + ": " + operation + ": unreadable record: "
                    + e.getMessage(), e);
        }
    }

    private static TradeRecord trade(ResultSet rs) throws SQLException {
        return new TradeRecord(new RunId(rs.getString(1)), rs.getInt(17), rs.getObject(2, LocalDate.class),
                new Symbol(rs.getString(3)),
                Side.valueOf(rs.getString(4)), TradeStatus.valueOf(rs.getString(5)), new BigDecimal(rs.getString(6)),
                new BigDecimal(rs.getString(7)), decimal(rs, 8), decimal(rs, 9), decimal(rs, 10),
                new ClientOrderId(rs.getString(11)), rs.getInt(12), LedgerJson.attribution(rs.getString(15)),
                LedgerJson.lines(rs.getString(16)), rs.getString(13), instant(rs, 14));
    }

    private static RunRecord run(ResultSet rs) throws SQLException {
        String portfolio = rs.getString(6);
        String plan = rs.getString(7);
        return new RunRecord(new RunId(rs.getString(1)), rs.getInt(9), rs.getObject(2, LocalDate.class),
                RunStatus.valueOf(rs.getString(3)), instant(rs, 4), rs.getString(5),
                portfolio == null ? null : LedgerJson.portfolio(portfolio), plan == null ? null : LedgerJson.plan(plan),
                LedgerJson.evaluations(rs.getString(8)), rs.getString(10) == null ? null : LedgerJson.sleeves(rs.getString(10)));
    }

    private static void setDecimal(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.toString());
        }
    }

    private static BigDecimal decimal(ResultSet rs, int index) throws SQLException {
        String text = rs.getString(index);
        return text == null ? null : new BigDecimal(text);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, OffsetDateTime.class).toInstant();
    }

    /** The URL up to its first option: H2 options may carry a password, which never goes into a message. */
    private static String displayName(String jdbcUrl) {
        int options = jdbcUrl.indexOf(';');
        return options < 0 ? jdbcUrl : jdbcUrl.substring(0, options);
    }

    private static void closeQuietly(Connection c, Exception cause) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
