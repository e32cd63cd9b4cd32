package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings.windows} as the loader reads it, and the rules that combine windows (Argo CD's sync
 * windows): no window, always open; an allow window opens only inside it; a deny window wins; the next
 * opening is found across windows, zones included.
 */
class ChangeWindowsTest {

    @TempDir
    Path dir;

    private LoadResult load(String windows) throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                settings:
                  windows:
                %s
                targets:
                  olx-main: { kind: officelinx, url: embedded, auth: { clientId: a, clientSecret: b, username: c, password: d } }
                  xci-paris: { kind: xci, url: embedded, auth: { login: admin, password: admin } }
                """.formatted(windows.indent(4).stripTrailing()));
        return Fixtures.load(dir, Map.of());
    }

    private ChangeWindows windows(String yaml) throws IOException {
        LoadResult result = load(yaml);
        assertThat(result.problems()).isEmpty();
        return result.requireValid().settings().windows();
    }

    @Test
    void anAllowWindowOpensOnlyInsideItInItsTimeZone() throws IOException {
        ChangeWindows windows = windows("""
                - { kind: allow, schedule: "0 22 * * 1-5", duration: 2h, timeZone: Europe/Paris, targets: [olx-main] }
                """);
        // Tuesday 1 December 2026, 21:30 UTC is 22:30 in Paris: inside.
        ChangeWindows.State inside = windows.state("olx-main", Instant.parse("2026-12-01T21:30:00Z"));
        assertThat(inside.open()).isTrue();
        assertThat(inside.nextChange()).contains(Instant.parse("2026-12-01T23:00:00Z"));
        ChangeWindows.State before = windows.state("olx-main", Instant.parse("2026-12-01T20:59:00Z"));
        assertThat(before.open()).isFalse();
        assertThat(before.nextChange()).contains(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(before.describe()).isEqualTo("closed (allow \"0 22 * * 1-5\" for 2h (Europe/Paris));"
                + " the next window opens at 2026-12-01T21:00:00Z");
        // Friday night's window closes at midnight; the next is Monday's.
        ChangeWindows.State weekend = windows.state("olx-main", Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(weekend.nextChange()).contains(Instant.parse("2026-12-07T21:00:00Z"));
        assertThat(windows.state("olx-main", Instant.parse("2026-12-01T21:00:00Z")).open()).as("from its first minute").isTrue();
        assertThat(windows.state("olx-main", Instant.parse("2026-12-01T23:00:00Z")).open()).as("not at its end").isFalse();
        // A target no window covers is always open.
        assertThat(windows.state("xci-paris", Instant.parse("2026-12-05T12:00:00Z")).open()).isTrue();
        assertThat(windows.state("xci-paris", Instant.parse("2026-12-05T12:00:00Z")).covered()).isFalse();
    }

    @Test
    void aDenyWindowWinsOverAnAllowWindow() throws IOException {
        ChangeWindows windows = windows("""
                - { kind: allow, schedule: "0 * * * *", duration: 60m }
                - { kind: deny, schedule: "0 12 * * *", duration: 3h, targets: [xci-paris] }
                """);
        Instant noon = Instant.parse("2026-12-01T13:00:00Z");
        assertThat(windows.state("olx-main", noon).open()).isTrue();
        ChangeWindows.State denied = windows.state("xci-paris", noon);
        assertThat(denied.open()).isFalse();
        assertThat(denied.because()).hasValueSatisfying(w -> assertThat(w.kind()).isEqualTo(ChangeWindow.Kind.DENY));
        assertThat(denied.nextChange()).contains(Instant.parse("2026-12-01T15:00:00Z"));
    }

    @Test
    void withOnlyDenyWindowsATargetIsOpenOutsideThem() throws IOException {
        ChangeWindows windows = windows("""
                - { kind: deny, schedule: "0 0 24 12 *", duration: 48h }
                """);
        assertThat(windows.state("olx-main", Instant.parse("2026-12-23T23:00:00Z")).open()).isTrue();
        ChangeWindows.State christmas = windows.state("olx-main", Instant.parse("2026-12-25T10:00:00Z"));
        assertThat(christmas.open()).isFalse();
        assertThat(christmas.nextChange()).contains(Instant.parse("2026-12-26T00:00:00Z"));
    }

    @Test
    void refusesABadCronZoneDurationOrTargetNamingFileLineAndField() throws IOException {
        LoadResult result = load("""
                - { kind: allow, schedule: "0 25 * * *", duration: 2h }
                - { kind: allow, schedule: "0 22 * * *", duration: 0s, timeZone: Europe/Pariss }
                - { kind: deny, schedule: "0 22 * * *", duration: 1h, targets: [xci-pari] }
                """);

        List<String> problems = result.problems().stream().map(Problem::render).toList();
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).contains("switchboard.yaml:4").contains("settings.windows[0].schedule")
                .contains("'0 25 * * *' is not a cron expression").contains("five fields");
        assertThat(problems.get(1)).contains("switchboard.yaml:5").contains("settings.windows[1].duration")
                .contains("'0s' is no duration a window can last");
        assertThat(problems.get(2)).contains("switchboard.yaml:5").contains("settings.windows[1].timeZone")
                .contains("'Europe/Pariss' is not a time zone").contains("did you mean 'Europe/Paris'?");
        assertThat(problems.get(3)).contains("switchboard.yaml:6").contains("settings.windows[2].targets[0]")
                .contains("did you mean 'xci-paris'?");
    }

    @Test
    void theSchemaRefusesAWindowOfNoKnownKind() throws IOException {
        LoadResult result = load("""
                - { kind: maybe, schedule: "0 22 * * *", duration: 1h }
                """);

        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).render()).contains("switchboard.yaml:4").contains("kind");
    }
}
