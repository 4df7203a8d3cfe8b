/**
 * How the app writes numbers and text for people, in one place: {@link io.alchemiser.examples.format.Format}
 * (percentages, dollars, ratios, counts, quantities), {@link io.alchemiser.examples.format.Text} (user-controlled
 * text made safe for a terminal: no escape sequences, no line breaks inside a value),
 * {@link io.alchemiser.examples.format.Html} (escaping for HTML and SVG), {@link io.alchemiser.examples.format.TextTable}
 * (plain-text tables) and {@link io.alchemiser.examples.format.TerminalWriter} (a writer that neutralises control
 * characters in everything printed).
 */
package io.alchemiser.examples.format;
