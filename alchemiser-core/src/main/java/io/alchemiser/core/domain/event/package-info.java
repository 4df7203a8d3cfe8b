/** Domain events of a daily run, a sealed hierarchy; each carries event, correlation and causation ids. */
package io.alchemiser.core.domain.event;
