/**
 * Merging strategies into one portfolio and planning the rebalance that reaches it. Pure logic.
 *
 * <p>Sleeves: {@link io.alchemiser.core.application.portfolio.SleevePolicy} decides per strategy and day whether its
 * sleeve rebalances or drifts by its {@link io.alchemiser.core.domain.portfolio.RebalanceRule};
 * {@link io.alchemiser.core.application.portfolio.SleeveMerger} sums the sleeves into the account's target;
 * {@link io.alchemiser.core.application.portfolio.RebalancePlanner} plans the netted orders.
 */
package io.alchemiser.core.application.portfolio;
