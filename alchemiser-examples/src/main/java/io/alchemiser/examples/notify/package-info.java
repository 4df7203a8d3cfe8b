/**
 * Run summaries for people: {@link io.alchemiser.examples.notify.RunNotifier} listens to a run's events and, when
 * the run completes or fails, renders what happened (trades, fills, failures with reasons, P&amp;L since the last
 * run from an {@link io.alchemiser.examples.notify.EquityHistory}) as plain text and escaped HTML, and hands it to
 * each {@link io.alchemiser.examples.notify.NotificationChannel}: the log
 * ({@link io.alchemiser.examples.notify.LogChannel}), a folder ({@link io.alchemiser.examples.notify.FileChannel})
 * or SMTP ({@link io.alchemiser.examples.notify.SmtpChannel}, Jakarta Mail). A failing channel never stops another
 * channel or the run.
 */
package io.alchemiser.examples.notify;
