/** The app's YAML configuration: the model, defaults, and a loader whose errors name file, line and key. */
package io.alchemiser.examples.config;
