/**
 * The app's YAML configuration: the typed model ({@link io.alchemiser.examples.config.AppConfig}) and a loader
 * ({@link io.alchemiser.examples.config.ConfigLoader}) that refuses duplicate and unknown keys, values out of range
 * and combinations that cannot work, each error at {@code file:line:column} with its key path. Depends on the core's
 * domain values only.
 */
package io.alchemiser.examples.config;
