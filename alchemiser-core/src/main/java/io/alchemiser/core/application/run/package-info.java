/** The daily run: evaluate, merge, plan, execute, record and publish, under one correlation id. */
package io.alchemiser.core.application.run;
