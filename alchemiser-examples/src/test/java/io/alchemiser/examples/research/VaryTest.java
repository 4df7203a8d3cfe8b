package io.alchemiser.examples.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VaryTest {
    @Test
    void aSpecNamesTheLineTheColumnAndTheGrid() {
        Vary.Request r = Vary.Request.parse("12:31=10..20/2");
        assertThat(r.line()).isEqualTo(12);
        assertThat(r.column()).isEqualTo(31);
        assertThat(r.grid()).extracting(BigDecimal::intValue).containsExactly(10, 12, 14, 16, 18, 20);
        assertThat(Vary.Request.parse("1:2=5..7").grid()).extracting(BigDecimal::intValue).containsExactly(5, 6, 7);
    }

    @Test
    void decimalStepsAreExact() {
        assertThat(Vary.Request.parse("3:4=0.03..0.07/0.01").grid()).extracting(BigDecimal::toPlainString)
                .containsExactly("0.03", "0.04", "0.05", "0.06", "0.07");
        assertThat(Vary.Request.parse("3:4=-1..1/0.5").grid()).extracting(BigDecimal::toPlainString)
                .containsExactly("-1", "-0.5", "0.0", "0.5", "1.0");
    }

    @Test
    void malformedSpecsSayWhatIsExpected() {
        assertThatThrownBy(() -> Vary.Request.parse("12=10..20")).hasMessageContaining("expected LINE:COL=FROM..TO");
        assertThatThrownBy(() -> Vary.Request.parse("0:3=1..2")).hasMessageContaining("the line is a number from 1");
        assertThatThrownBy(() -> Vary.Request.parse("1:3=5..2")).hasMessageContaining("FROM must not be above TO");
        assertThatThrownBy(() -> Vary.Request.parse("1:3=1..2/0")).hasMessageContaining("the step must be positive");
        assertThatThrownBy(() -> Vary.Request.parse("1:3=1..5000")).hasMessageContaining("5000 values; at most 1000");
        assertThatThrownBy(() -> Vary.Request.parse("1:3=1.2.3..4")).hasMessageContaining("'1.2.3' is not a number");
    }
}
