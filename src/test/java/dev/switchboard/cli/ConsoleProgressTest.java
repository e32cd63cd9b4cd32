package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.tongfei.progressbar.ProgressBarStyle;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void writesPlainLinesWithDoneAndTotalWhenNotOnATerminal() {
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(Duration.ZERO, lines::add);
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
        ConsoleProgress progress = new ConsoleProgress(Duration.ofHours(1), lines::add);
        progress.start("fetching olx-main", 0);
        for (int i = 0; i < 100; i++) {
            progress.step(1);
        }
        assertThat(lines).isEmpty();
    }

    private static String bar(ProgressBarStyle style) {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(true, style, new PrintStream(drawn, true, StandardCharsets.UTF_8),
                Duration.ZERO, line -> { });
        progress.start("applying olx-main", 3);
        progress.step(3);
        progress.finish();
        return drawn.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBarWithoutColourHasNoEscapeSequenceAndADumbTerminalGetsAscii() {
        assertThat(bar(ConsoleProgress.style(true, Map.of()))).contains("applying olx-main").contains("\u001b[33m");
        String plain = bar(ConsoleProgress.style(false, Map.of()));
        assertThat(plain).contains("applying olx-main").contains("3/3").doesNotContain("\u001b");
        String dumb = bar(ConsoleProgress.style(true, Map.of("TERM", "dumb")));
        assertThat(dumb).contains("applying olx-main").doesNotContain("\u001b").matches("\\p{ASCII}*");
    }

    @Test
    void concurrentTasksEachKeepALineOfTheirOwnOnATerminalAndLogApartOnADumbOne() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        ConsoleProgress progress = new ConsoleProgress(true, ConsoleProgress.style(false, Map.of()),
                new PrintStream(drawn, true, StandardCharsets.UTF_8), Duration.ZERO, lines::add);
        dev.switchboard.engine.Progress olx = progress.forConcurrentTask();
        dev.switchboard.engine.Progress xci = progress.forConcurrentTask();
        olx.start("applying olx-main", 2);
        xci.start("applying xci-paris", 3);
        olx.step(2);
        xci.step(3);
        olx.finish();
        xci.finish();
        String screen = drawn.toString(StandardCharsets.UTF_8);
        assertThat(screen).contains("applying olx-main").contains("2/2").contains("applying xci-paris").contains("3/3");
        // Each bar is redrawn on the line it took when its task started: once the second started, the first is
        // two lines up, the second one; the second is never drawn on the first's line.
        assertThat(screen).contains("\u001b[2A\rapplying olx-main").contains("\u001b[1A\rapplying xci-paris")
                .doesNotContain("\u001b[2A\rapplying xci-paris")
                .doesNotContain("\u001b[33m");
        assertThat(lines).isEmpty();

        ByteArrayOutputStream dumbScreen = new ByteArrayOutputStream();
        ConsoleProgress dumb = new ConsoleProgress(true, ConsoleProgress.style(true, Map.of("TERM", "dumb")),
                new PrintStream(dumbScreen, true, StandardCharsets.UTF_8), Duration.ZERO, lines::add);
        dev.switchboard.engine.Progress first = dumb.forConcurrentTask();
        dev.switchboard.engine.Progress second = dumb.forConcurrentTask();
        first.start("applying olx-main", 2);
        second.start("applying xci-paris", 3);
        first.step(2);
        second.step(1);
        assertThat(dumbScreen.toString(StandardCharsets.UTF_8)).as("a dumb terminal cannot redraw a line above").isEmpty();
        assertThat(lines).containsExactly("applying olx-main: 2 of 2 objects", "applying xci-paris: 1 of 3 objects");
    }

    @Test
    void noColorOfAnyValueAndDumbTerminalsTurnColourOff() {
        assertThat(Terminal.colourAllowed(Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(Terminal.colourAllowed(Map.of("NO_COLOR", ""))).as("set but empty: no-color.org says ignore").isTrue();
        assertThat(Terminal.colourAllowed(Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(Terminal.colourAllowed(Map.of("NO_COLOR", "false"))).as("any value").isFalse();
        assertThat(Terminal.colourAllowed(Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.colour(true)).as("--no-color").isFalse();
    }
}
