/** Merging strategies into one portfolio and planning the rebalance that reaches it. Pure logic. */
package io.alchemiser.core.application.portfolio;
