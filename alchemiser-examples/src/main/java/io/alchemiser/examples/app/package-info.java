/**
 * The app's wiring, in two steps: {@code AppSettings} says what the checked configuration means for the libraries
 * (run settings, Alpaca's, S3's and SMTP settings, the notifier's channels, with the environment where the
 * configuration defers to it), and {@link io.alchemiser.examples.app.Wiring} builds the ports from those values, by
 * hand, in one place. Also the console output of runs ({@link io.alchemiser.examples.app.ConsoleReporter}), the
 * price folders of {@code eval} and {@code backtest} ({@link io.alchemiser.examples.app.DataDirectory}) and the
 * bundled example symphonies.
 */
package io.alchemiser.examples.app;
