package io.alchemiser.alpaca;

/**
 * Response bodies shaped exactly like the examples in Alpaca's API reference (trading API v2, market data API v2),
 * with values chosen per test.
 */
final class Fixtures {
    private Fixtures() {
    }

    static String account(String equity, String cash, String buyingPower) {
        return "{\"account_blocked\":false,\"account_number\":\"010203ABCD\",\"buying_power\":\"" + buyingPower + "\","
                + "\"cash\":\"" + cash + "\",\"created_at\":\"2019-06-12T22:47:07.99658Z\",\"currency\":\"USD\","
                + "\"daytrade_count\":0,\"daytrading_buying_power\":\"262113.632\",\"equity\":\"" + equity + "\","
                + "\"id\":\"e6fe16f3-64a4-4921-8928-cadf02f92f98\",\"initial_margin\":\"63480.38\","
                + "\"last_equity\":\"103529.24\",\"last_maintenance_margin\":\"38000.832\","
                + "\"long_market_value\":\"126960.76\",\"maintenance_margin\":\"38088.228\",\"multiplier\":\"4\","
                + "\"pattern_day_trader\":false,\"portfolio_value\":\"" + equity + "\",\"regt_buying_power\":\"80680.36\","
                + "\"short_market_value\":\"0\",\"shorting_enabled\":true,\"sma\":\"0\",\"status\":\"ACTIVE\","
                + "\"trade_suspended_by_user\":false,\"trading_blocked\":false,\"transfers_blocked\":false}";
    }

    static String position(String symbol, String qty, String side, String marketValue, String currentPrice) {
        return "{\"asset_id\":\"904837e3-3b76-47ec-b432-046db621571b\",\"symbol\":\"" + symbol + "\","
                + "\"exchange\":\"NASDAQ\",\"asset_class\":\"us_equity\",\"avg_entry_price\":\"100.0\","
                + "\"qty\":\"" + qty + "\",\"qty_available\":\"" + qty + "\",\"side\":\"" + side + "\","
                + "\"market_value\":\"" + marketValue + "\",\"cost_basis\":\"500.0\",\"unrealized_pl\":\"100.0\","
                + "\"unrealized_plpc\":\"0.20\",\"unrealized_intraday_pl\":\"10.0\",\"unrealized_intraday_plpc\":\"0.0084\","
                + "\"current_price\":\"" + currentPrice + "\",\"lastday_price\":\"119.0\",\"change_today\":\"0.0084\"}";
    }

    static String asset(String symbol, boolean tradable, boolean fractionable) {
        return "{\"id\":\"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415\",\"class\":\"us_equity\",\"exchange\":\"NYSE\","
                + "\"symbol\":\"" + symbol + "\",\"name\":\"Test Asset\",\"status\":\"active\",\"tradable\":" + tradable
                + ",\"marginable\":true,\"maintenance_margin_requirement\":30,\"shortable\":true,"
                + "\"easy_to_borrow\":true,\"fractionable\":" + fractionable + "}";
    }

    /** An order object; {@code limitPrice}, {@code filledAvgPrice} may be null (written as JSON null). */
    static String order(String id, String clientOrderId, String symbol, String side, String type, String qty,
            String limitPrice, String status, String filledQty, String filledAvgPrice) {
        return "{\"id\":\"" + id + "\",\"client_order_id\":\"" + clientOrderId + "\","
                + "\"created_at\":\"2024-11-29T17:38:24.849157813Z\",\"updated_at\":\"2024-11-29T17:38:25.112233Z\","
                + "\"submitted_at\":\"2024-11-29T17:38:24.848207033Z\",\"filled_at\":null,\"expired_at\":null,"
                + "\"canceled_at\":null,\"failed_at\":null,\"replaced_at\":null,\"replaced_by\":null,\"replaces\":null,"
                + "\"asset_id\":\"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415\",\"symbol\":\"" + symbol + "\","
                + "\"asset_class\":\"us_equity\",\"notional\":null,\"qty\":\"" + qty + "\",\"filled_qty\":\"" + filledQty
                + "\",\"filled_avg_price\":" + str(filledAvgPrice) + ",\"order_class\":\"\",\"order_type\":\"" + type
                + "\",\"type\":\"" + type + "\",\"side\":\"" + side + "\",\"time_in_force\":\"day\",\"limit_price\":"
                + str(limitPrice) + ",\"stop_price\":null,\"status\":\"" + status + "\",\"extended_hours\":false,"
                + "\"legs\":null,\"trail_percent\":null,\"trail_price\":null,\"hwm\":null,\"subtag\":null,\"source\":null}";
    }

    static String bar(String t, String o, String h, String l, String c, long v) {
        return "{\"t\":\"" + t + "\",\"o\":" + o + ",\"h\":" + h + ",\"l\":" + l + ",\"c\":" + c + ",\"v\":" + v
                + ",\"n\":743379,\"vw\":" + c + "}";
    }

    static String bars(String symbol, String nextPageToken, String... bars) {
        return "{\"bars\":[" + String.join(",", bars) + "],\"symbol\":\"" + symbol + "\",\"next_page_token\":"
                + str(nextPageToken) + "}";
    }

    static String error(long code, String message) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }

    static String calendarDay(String date, String open, String close) {
        return "{\"date\":\"" + date + "\",\"open\":\"" + open + "\",\"close\":\"" + close + "\","
                + "\"session_open\":\"0400\",\"session_close\":\"2000\",\"settlement_date\":\"" + date + "\"}";
    }

    static String str(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
