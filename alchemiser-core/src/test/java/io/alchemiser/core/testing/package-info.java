/**
 * Test fixtures shared through core's test-jar: a {@link io.alchemiser.core.testing.TestStrategy} that reads its
 * symbols through the evaluation session, and {@link io.alchemiser.core.testing.WeekdayCloses}, a price history
 * written in the test. Every module's tests of the services use these instead of writing their own stubs.
 */
package io.alchemiser.core.testing;
