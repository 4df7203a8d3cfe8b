/**
 * Live trading days end to end (issue 14's "tests that must exist"): the app's {@code run} command, through its own
 * wiring and the real Alpaca adapters, against the stateful Alpaca emulator of alchemiser-alpaca's test-jar, in this
 * JVM or as its own process. A rehearsal day within the request budget ({@code RehearsalDayTest}, and on the corpus
 * {@code SharedRehearsalDayTest}, tagged {@code shared}); outages, kill -9 and SIGTERM at each phase, each followed by
 * a rerun that must end where an uninterrupted day ends ({@code OutageRecoveryTest},
 * {@code KillAndSignalRecoveryTest}); and the days that must stop before any order or be retried
 * ({@code StopBeforeAnyOrderTest}).
 *
 * <p>The app waits on real time against Alpaca, so the emulator's clock follows real time ({@code RealTimeClock}) and
 * the step wait is one second; time the app does not run through (the rest of an outage after it gave up) is
 * skipped on the emulator's clock. The classes run concurrently (each emulator has its own key, so each run has its
 * own client-side rate limiter), which keeps the suite's wall-clock cost near that of its longest test.
 */
package io.alchemiser.examples.liveday;
