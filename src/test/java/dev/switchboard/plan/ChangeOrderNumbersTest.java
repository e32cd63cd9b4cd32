package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Key parts of digits compare by value, as {@code BigInteger} compared them, without making one for each comparison. */
class ChangeOrderNumbersTest {

    @Test
    void comparesDigitStringsAsBigIntegerDoes() {
        String[] numbers = {"0", "00", "1", "01", "001", "9", "10", "010", "99", "100", "1000", "0999",
                "18446744073709551616", "18446744073709551615", "000000000000000000000000007"};
        for (String x : numbers) {
            for (String y : numbers) {
                assertThat(Integer.signum(ChangeOrder.compareNumbers(x, y))).as(x + " vs " + y)
                        .isEqualTo(new BigInteger(x).compareTo(new BigInteger(y)));
            }
        }
    }
}
