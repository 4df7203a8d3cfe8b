package io.alchemiser.alpaca.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** One order on the emulator's book: its Alpaca status and fills. Mutable; guarded by the {@link Exchange}'s lock. */
final class EmulatedOrder {
    static final Set<String> OPEN = Set.of("accepted", "new", "partially_filled");

    final String id = UUID.randomUUID().toString();
    final String clientOrderId;
    final Symbol symbol;
    final Side side;
    final boolean market;
    final BigDecimal quantity;
    final BigDecimal limitPrice;
    final Instant submittedAt;
    final LocalDate sessionDate;
    /** For a buy: dollars a share held against buying power while the order works. */
    final BigDecimal reservedPerShare;

    String status;
    BigDecimal filled = BigDecimal.ZERO;
    BigDecimal filledCost = BigDecimal.ZERO;
    Instant updatedAt;
    Instant workingSince;
    Instant lastFill;
    Instant filledAt;
    Instant canceledAt;
    Instant expiredAt;
    Instant failedAt;

    EmulatedOrder(String clientOrderId, Symbol symbol, Side side, boolean market, BigDecimal quantity,
            BigDecimal limitPrice, Instant submittedAt, LocalDate sessionDate, BigDecimal reservedPerShare) {
        this.clientOrderId = clientOrderId;
        this.symbol = symbol;
        this.side = side;
        this.market = market;
        this.quantity = quantity;
        this.limitPrice = limitPrice;
        this.submittedAt = submittedAt;
        this.sessionDate = sessionDate;
        this.reservedPerShare = reservedPerShare;
        this.status = "accepted";
        this.updatedAt = submittedAt;
    }

    boolean isOpen() {
        return OPEN.contains(status);
    }

    BigDecimal remaining() {
        return quantity.subtract(filled);
    }

    /** The average fill price, to at most 6 decimals (at least 2); {@code null} before any fill. */
    BigDecimal averagePrice() {
        if (filled.signum() == 0) {
            return null;
        }
        BigDecimal avg = filledCost.divide(filled, 6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return avg.scale() < 2 ? avg.setScale(2) : avg;
    }

    void fill(BigDecimal shares, BigDecimal price, Instant at) {
        filled = filled.add(shares);
        filledCost = filledCost.add(shares.multiply(price));
        lastFill = at;
        updatedAt = at;
        if (remaining().signum() == 0) {
            status = "filled";
            filledAt = at;
        } else {
            status = "partially_filled";
        }
    }

    void end(String finalStatus, Instant at) {
        status = finalStatus;
        updatedAt = at;
        switch (finalStatus) {
            case "canceled" -> canceledAt = at;
            case "expired" -> expiredAt = at;
            case "rejected" -> failedAt = at;
            default -> throw new IllegalArgumentException("not a final status: " + finalStatus);
        }
    }

    FillModel.Working working() {
        return new FillModel.Working(side, market, limitPrice, quantity, remaining(),
                quantity.stripTrailingZeros().scale() <= 0, workingSince, lastFill);
    }

    /** Alpaca's order object. */
    ObjectNode json() {
        ObjectNode o = EmulatorJson.object();
        o.put("id", id);
        o.put("client_order_id", clientOrderId);
        o.put("created_at", EmulatorJson.time(submittedAt));
        o.put("updated_at", EmulatorJson.time(updatedAt));
        o.put("submitted_at", EmulatorJson.time(submittedAt));
        o.put("filled_at", EmulatorJson.time(filledAt));
        o.put("expired_at", EmulatorJson.time(expiredAt));
        o.put("canceled_at", EmulatorJson.time(canceledAt));
        o.put("failed_at", EmulatorJson.time(failedAt));
        o.putNull("replaced_at");
        o.putNull("replaced_by");
        o.putNull("replaces");
        o.put("asset_id", EmulatorJson.assetId(symbol));
        o.put("symbol", symbol.value());
        o.put("asset_class", "us_equity");
        o.putNull("notional");
        o.put("qty", quantity.toPlainString());
        o.put("filled_qty", filled.toPlainString());
        BigDecimal avg = averagePrice();
        o.put("filled_avg_price", avg == null ? null : avg.toPlainString());
        o.put("order_class", "");
        o.put("order_type", market ? "market" : "limit");
        o.put("type", market ? "market" : "limit");
        o.put("side", side.lower());
        o.put("position_intent", side == Side.BUY ? "buy_to_open" : "sell_to_close");
        o.put("time_in_force", "day");
        o.put("limit_price", limitPrice == null ? null : limitPrice.toPlainString());
        o.putNull("stop_price");
        o.put("status", status);
        o.put("extended_hours", false);
        o.putNull("legs");
        o.putNull("trail_percent");
        o.putNull("trail_price");
        o.putNull("hwm");
        o.putNull("subtag");
        o.put("source", "access_key");
        return o;
    }

    /** The core's view of this order (its client order id must be one the core accepts). */
    Order toOrder() {
        return new Order(id, new ClientOrderId(clientOrderId), symbol, side, market ? OrderType.MARKET : OrderType.LIMIT,
                quantity, limitPrice, coreStatus(), filled, averagePrice(), submittedAt, updatedAt, null);
    }

    private OrderStatus coreStatus() {
        return switch (status) {
            case "new" -> OrderStatus.NEW;
            case "accepted" -> OrderStatus.ACCEPTED;
            case "partially_filled" -> OrderStatus.PARTIALLY_FILLED;
            case "filled" -> OrderStatus.FILLED;
            case "canceled" -> OrderStatus.CANCELED;
            case "expired" -> OrderStatus.EXPIRED;
            case "rejected" -> OrderStatus.REJECTED;
            default -> throw new IllegalStateException("unknown status " + status);
        };
    }
}
