package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard check is only as good as its reading of PromQL: names found, functions and labels not. */
class PromQlNamesTest {

    @Test
    void findsTheMetricsOfAQuantileOverARateAndNothingElse() {
        assertThat(PromQlNames.of("histogram_quantile(0.95, sum by (le, target) (rate("
                + "switchboard_reconcile_duration_seconds_bucket{target=~\"$target\",kind=\"a{b}\"}[$__rate_interval])))"))
                .containsExactly("switchboard_reconcile_duration_seconds_bucket");
    }

    @Test
    void findsBothSidesOfAnOperationAndIgnoresKeywordsNumbersAndVariables() {
        assertThat(PromQlNames.of("time() - switchboard_last_reconcile_timestamp_seconds > 3e2 "
                + "and on (target) up offset 5m or vector($threshold)"))
                .containsExactlyInAnyOrder("switchboard_last_reconcile_timestamp_seconds", "up");
        assertThat(PromQlNames.of("sum without (kind) (a_total) / ignoring (x) group_left b_total"))
                .containsExactlyInAnyOrder("a_total", "b_total");
    }
}
