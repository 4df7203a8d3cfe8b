package io.alchemiser.alpaca.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading Alpaca's JSON. Alpaca sends money and quantities as strings ({@code "equity": "103820.56"}) on the trading
 * API and as JSON numbers ({@code "c": 165.12}) on the data API; both are read into {@link BigDecimal} exactly, never
 * through {@code double}. Timestamps are RFC-3339 with {@code Z} or an offset and up to nanoseconds.
 */
public final class Json {

    /** Floats become {@link BigDecimal}, so {@code 172.7} stays 172.7. Unknown fields are ignored (tree model). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Go's zero time, which Alpaca sends in place of a timestamp it does not have. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Json() {
    }

    /** Parses a response body; an empty body is a {@link MissingNode}. */
    public static JsonNode parse(String body, String context) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(context + ": Alpaca's answer is not JSON", e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** True if the field is absent or JSON {@code null}. */
    public static boolean isAbsent(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isMissingNode();
    }

    public static String text(JsonNode node, String field, String context) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
            throw new MalformedResponseException(context + ": Alpaca's answer lacks '" + field + "'");
        }
        return v.asText();
    }

    public static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    public static boolean bool(JsonNode node, String field, String context) {
        JsonNode v = node.get(field);
        if (v == null || !v.isBoolean()) {
            throw new MalformedResponseException(context + ": Alpaca's answer lacks boolean '" + field + "'");
        }
        return v.booleanValue();
    }

    public static BigDecimal decimal(JsonNode node, String field, String context) {
        return optionalDecimal(node, field, context).orElseThrow(
                () -> new MalformedResponseException(context + ": Alpaca's answer lacks '" + field + "'"));
    }

    /** A number written as a JSON number or a numeric string; empty when absent or null. */
    public static Optional<BigDecimal> optionalDecimal(JsonNode node, String field, String context) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(v.decimalValue());
        }
        if (v.isTextual()) {
            String t = v.asText().strip();
            if (t.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new BigDecimal(t));
            } catch (NumberFormatException e) {
                throw new MalformedResponseException(context + ": '" + field + "' is not a number: '" + t + "'");
            }
        }
        throw new MalformedResponseException(context + ": '" + field + "' is not a number");
    }

    public static Instant instant(JsonNode node, String field, String context) {
        return optionalInstant(node, field, context).orElseThrow(
                () -> new MalformedResponseException(context + ": Alpaca's answer lacks time '" + field + "'"));
    }

    /** An RFC-3339 timestamp; empty when absent, null, or Alpaca's zero time ({@code 0001-01-01T00:00:00Z}). */
    public static Optional<Instant> optionalInstant(JsonNode node, String field, String context) {
        Optional<String> text = optionalText(node, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant t = OffsetDateTime.parse(text.get(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return t.isAfter(ZERO_TIME) ? Optional.of(t) : Optional.empty();
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(context + ": '" + field + "' is not an RFC-3339 time: '" + text.get()
                    + "'");
        }
    }
}
