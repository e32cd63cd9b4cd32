package dev.switchboard.systems.xci.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class NumberIntervalTest {

    private static NumberInterval interval(String start, String end) {
        return NumberInterval.of(JsonNodeFactory.instance.objectNode().put("start", start).put("end", end));
    }

    @Test
    void anEmptyEndIsTheSingleNumberOfTheStart() {
        NumberInterval single = interval("1961", "");
        assertThat(single.contains("1961")).isTrue();
        assertThat(single.contains("1962")).isFalse();
        assertThat(single.numbers(10)).containsExactly("1961");
    }

    @Test
    void numbersHaveTheDigitCountOfTheStartSoLeadingZerosCount() {
        NumberInterval withZeros = interval("0100", "0199");
        assertThat(withZeros.contains("0150")).isTrue();
        assertThat(withZeros.contains("150")).isFalse();
        assertThat(interval("1700", "1799").contains("170")).isFalse();
        assertThat(withZeros.numbers(3)).containsExactly("0100", "0101", "0102");
    }

    @Test
    void intervalsOverlapOnlyWhenTheyShareANumber() {
        assertThat(interval("1700", "1799").overlaps(interval("1799", ""))).isTrue();
        assertThat(interval("1700", "1799").overlaps(interval("1800", "1899"))).isFalse();
        assertThat(interval("1700", "1799").overlaps(interval("17000", "17999"))).isFalse();
    }

    @Test
    void malformedIntervalsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> interval("17a0", "")).hasMessageContaining("digits");
        assertThatThrownBy(() -> interval("1799", "1700")).hasMessageContaining("end after its start");
        assertThatThrownBy(() -> interval("1700", "17999")).hasMessageContaining("as many digits");
    }
}
