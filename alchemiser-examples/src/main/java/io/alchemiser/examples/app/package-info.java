/** The app's wiring (ports built from the configuration, by hand) and console output of runs. */
package io.alchemiser.examples.app;
