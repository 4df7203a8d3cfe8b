package io.alchemiser.alpaca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alchemiser.core.domain.Order;
import io.alchemiser.core.domain.OrderStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderJsonTest {

    @ParameterizedTest(name = "{0} with {1} of 10 filled is {2}")
    @CsvSource({
        "new, 0, NEW",
        "accepted, 0, ACCEPTED",
        "pending_new, 0, ACCEPTED",
        "accepted_for_bidding, 0, ACCEPTED",
        "held, 0, ACCEPTED",
        "suspended, 0, ACCEPTED",
        "partially_filled, 4, PARTIALLY_FILLED",
        "pending_cancel, 0, ACCEPTED",
        "pending_cancel, 4, PARTIALLY_FILLED",
        "pending_replace, 4, PARTIALLY_FILLED",
        "stopped, 0, ACCEPTED",
        "filled, 10, FILLED",
        "calculated, 10, FILLED",
        "calculated, 4, PARTIALLY_FILLED",
        "canceled, 0, CANCELED",
        "canceled, 4, CANCELED",
        "replaced, 0, CANCELED",
        "expired, 0, EXPIRED",
        "done_for_day, 4, EXPIRED",
        "rejected, 0, REJECTED",
        "something_new_from_alpaca, 0, ACCEPTED",
        "something_new_from_alpaca, 4, PARTIALLY_FILLED"
    })
    void alpacaStatusesMapToCoreStatuses(String alpaca, String filled, OrderStatus expected) {
        assertThat(OrderJson.status(alpaca, new BigDecimal(filled), BigDecimal.TEN)).isEqualTo(expected);
    }

    @Test
    void aRejectedOrderCarriesAReasonAndIsTerminal() {
        Order order = OrderJson.toOrder(Json.parse("{\"id\":\"abc\",\"client_order_id\":\"run-1-SPY-B0\","
                + "\"symbol\":\"SPY\",\"side\":\"buy\",\"type\":\"market\",\"qty\":\"3\",\"filled_qty\":\"0\","
                + "\"filled_avg_price\":null,\"limit_price\":null,\"status\":\"rejected\","
                + "\"created_at\":\"2024-11-29T17:38:24Z\",\"submitted_at\":null,\"updated_at\":null}", "test"));

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.isTerminal()).isTrue();
        assertThat(order.reason()).contains("rejected");
        assertThat(order.submittedAt()).isEqualTo(order.updatedAt());
    }

    @Test
    void aNotionalOrderWithoutQuantityIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> OrderJson.toOrder(Json.parse("{\"id\":\"abc\",\"client_order_id\":\"x\","
                + "\"symbol\":\"SPY\",\"side\":\"buy\",\"type\":\"market\",\"qty\":null,\"notional\":\"500\","
                + "\"filled_qty\":\"0\",\"status\":\"new\",\"submitted_at\":\"2024-11-29T17:38:24Z\"}", "test")))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("notional");
    }
}
