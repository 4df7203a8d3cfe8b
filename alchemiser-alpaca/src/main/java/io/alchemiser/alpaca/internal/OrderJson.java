package io.alchemiser.alpaca.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alchemiser.core.domain.ClientOrderId;
import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderRequest;
import io.alchemiser.core.domain.OrderStatus;
import io.alchemiser.core.domain.OrderType;
import io.alchemiser.core.domain.Side;
import io.alchemiser.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's order object to the core {@link Order} and back to an order request body.
 *
 * <p>Status mapping (Alpaca's strings, from its order life-cycle documentation):
 * <table>
 *   <caption>Alpaca status to core status</caption>
 *   <tr><th>Alpaca</th><th>core</th><th>why</th></tr>
 *   <tr><td>new</td><td>NEW</td><td>routed and working at the venue</td></tr>
 *   <tr><td>accepted, pending_new, accepted_for_bidding, held, suspended</td><td>ACCEPTED</td>
 *       <td>received, not (yet) working; may still fill</td></tr>
 *   <tr><td>partially_filled</td><td>PARTIALLY_FILLED</td><td></td></tr>
 *   <tr><td>pending_cancel, pending_replace, stopped</td><td>PARTIALLY_FILLED if anything filled, else ACCEPTED</td>
 *       <td>still live until Alpaca confirms; more may fill</td></tr>
 *   <tr><td>filled</td><td>FILLED</td><td></td></tr>
 *   <tr><td>calculated</td><td>FILLED if all filled, else PARTIALLY_FILLED</td><td>done, settlement pending</td></tr>
 *   <tr><td>canceled</td><td>CANCELED</td><td></td></tr>
 *   <tr><td>replaced</td><td>CANCELED</td><td>this order no longer works; its replacement is another order</td></tr>
 *   <tr><td>expired, done_for_day</td><td>EXPIRED</td><td>a day order done for the day will not fill again</td></tr>
 *   <tr><td>rejected</td><td>REJECTED</td><td></td></tr>
 *   <tr><td>anything else</td><td>ACCEPTED</td><td>never guess a terminal state; logged as a warning</td></tr>
 * </table>
 */
public final class OrderJson {

    private static final Logger LOG = LoggerFactory.getLogger(OrderJson.class);

    private OrderJson() {
    }

    /** The POST /v2/orders body: a day order, market or limit, with quantities and prices as decimal strings. */
    public static ObjectNode requestBody(OrderRequest request) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("symbol", request.symbol().value());
        body.put("qty", request.quantity().toPlainString());
        body.put("side", request.side().lower());
        body.put("type", request.type() == OrderType.LIMIT ? "limit" : "market");
        body.put("time_in_force", "day");
        if (request.type() == OrderType.LIMIT) {
            body.put("limit_price", request.limitPrice().toPlainString());
        }
        body.put("client_order_id", request.clientOrderId().value());
        return body;
    }

    /** Reads an Alpaca order object. */
    public static Order toOrder(JsonNode node) {
        String context = "order";
        if (node == null || !node.isObject()) {
            throw new MalformedResponseException("Alpaca's answer is not an order object");
        }
        String id = Json.text(node, "id", context);
        context = "order " + id;
        ClientOrderId clientOrderId = new ClientOrderId(Json.text(node, "client_order_id", context));
        Symbol symbol = Symbol.of(Json.text(node, "symbol", context));
        Side side = side(Json.text(node, "side", context), context);
        OrderType type = type(Json.optionalText(node, "type").orElse(Json.optionalText(node, "order_type")
                .orElse("")), context);
        BigDecimal quantity = Json.optionalDecimal(node, "qty", context).orElseThrow(() ->
                new MalformedResponseException("order " + id + " has no share quantity (a notional order?)"));
        BigDecimal limit = Json.optionalDecimal(node, "limit_price", context).orElse(null);
        BigDecimal filled = Json.optionalDecimal(node, "filled_qty", context).orElse(BigDecimal.ZERO);
        BigDecimal avgPrice = Json.optionalDecimal(node, "filled_avg_price", context).orElse(null);
        String alpacaStatus = Json.text(node, "status", context);
        OrderStatus status = status(alpacaStatus, filled, quantity);
        Instant created = Json.optionalInstant(node, "created_at", context).orElse(null);
        Instant submitted = Json.optionalInstant(node, "submitted_at", context).orElse(created);
        if (submitted == null) {
            throw new MalformedResponseException(context + ": Alpaca's answer has neither submitted_at nor created_at");
        }
        Instant updated = Json.optionalInstant(node, "updated_at", context).orElse(submitted);
        return new Order(id, clientOrderId, symbol, side, type, quantity, type == OrderType.LIMIT ? limit : null, status,
                filled, avgPrice, submitted, updated, reason(alpacaStatus, node));
    }

    /** Maps Alpaca's status string as the class comment's table says. */
    public static OrderStatus status(String alpacaStatus, BigDecimal filled, BigDecimal quantity) {
        boolean anyFilled = filled.signum() > 0;
        switch (alpacaStatus.toLowerCase(Locale.ROOT)) {
            case "new":
                return OrderStatus.NEW;
            case "accepted":
            case "pending_new":
            case "accepted_for_bidding":
            case "held":
            case "suspended":
                return OrderStatus.ACCEPTED;
            case "partially_filled":
                return OrderStatus.PARTIALLY_FILLED;
            case "pending_cancel":
            case "pending_replace":
            case "stopped":
                return anyFilled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
            case "filled":
                return OrderStatus.FILLED;
            case "calculated":
                return filled.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            case "canceled":
            case "replaced":
                return OrderStatus.CANCELED;
            case "expired":
            case "done_for_day":
                return OrderStatus.EXPIRED;
            case "rejected":
                return OrderStatus.REJECTED;
            default:
                LOG.warn("unrecognised Alpaca order status '{}'; treating the order as still open", alpacaStatus);
                return anyFilled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.ACCEPTED;
        }
    }

    private static String reason(String alpacaStatus, JsonNode node) {
        switch (alpacaStatus.toLowerCase(Locale.ROOT)) {
            case "rejected":
                return "rejected by Alpaca";
            case "replaced":
                return "replaced by order " + Json.optionalText(node, "replaced_by").orElse("(unknown)");
            case "done_for_day":
                return "done for the day at Alpaca";
            default:
                return null;
        }
    }

    private static Side side(String text, String context) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "buy":
                return Side.BUY;
            case "sell":
                return Side.SELL;
            default:
                throw new MalformedResponseException(context + ": unknown side '" + text + "'");
        }
    }

    private static OrderType type(String text, String context) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "market":
                return OrderType.MARKET;
            case "limit":
                return OrderType.LIMIT;
            default:
                throw new MalformedResponseException(context + ": order type '" + text
                        + "' is not one the product places (market or limit)");
        }
    }
}
