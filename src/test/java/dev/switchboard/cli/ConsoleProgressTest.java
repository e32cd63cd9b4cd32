package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void writesPlainLinesWithDoneAndTotalWhenNotOnATerminal() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(false, Duration.ZERO, lines::add);
        progress.start("applying olx-main", 3);
        progress.step(1);
        progress.step(2);
        progress.finish();
        progress.start("fetching xci-paris", 0);
        progress.step(5);
        assertThat(lines).containsExactly("applying olx-main: 1 of 3 objects", "applying olx-main: 3 of 3 objects",
                "fetching xci-paris: 5 objects");
    }

    @Test
    void writesNoMoreThanOneLinePerInterval() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(false, Duration.ofHours(1), lines::add);
        progress.start("fetching olx-main", 0);
        for (int i = 0; i < 100; i++) {
            progress.step(1);
        }
        assertThat(lines).isEmpty();
    }
}
