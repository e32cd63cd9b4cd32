package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings.windows} through the real commands: {@code plan} shows each target's window and the next
 * opening, {@code apply} outside an allow window is refused naming it and sends nothing, and
 * {@code --override-window} applies all the same. The window opens three hours from now, every day, for an
 * hour: whenever the test runs, now is outside it and its opening is known.
 */
@QuarkusTest
class ChangeWindowCommandsTest {

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    @Test
    void applyOutsideAWindowIsRefusedNamingTheNextOneAndAcceptedWithOverrideWindow() throws Exception {
        Instant opens = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(3, ChronoUnit.HOURS);
        int hour = opens.atZone(ZoneOffset.UTC).getHour();
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        quickstart.replace("switchboard.yaml", "settings:\n", "settings:\n  windows:\n"
                + "    - { kind: allow, schedule: \"0 " + hour + " * * *\", duration: 1h, targets: [olx-main] }\n");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg());
        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("Change windows:")
                .contains("  olx-main: closed (allow \"0 " + hour + " * * *\" for 1h (UTC)); the next window opens at " + opens)
                .contains("  xci-paris: open (no change window covers it)");

        Commands.Run refused = commands.run("apply", "-c", quickstart.arg(), "--auto-approve");

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(refused.out()).contains("target olx-main is outside its change window: closed")
                .contains("the next window opens at " + opens).contains("use --override-window to apply anyway")
                .contains("Target olx-main was not applied: refused");
        assertThat(Files.exists(quickstart.dir.resolve(".switchboard/sim/olx-main.json"))
                ? quickstart.mailboxes().size() : 0).as("nothing was sent to olx-main").isZero();
        assertThat(quickstart.simState("xci-paris").toString()).as("the target no window covers was applied")
                .contains("Liddell");

        Commands.Run overridden = commands.run("apply", "-c", quickstart.arg(), "--auto-approve", "--override-window");

        assertThat(overridden.exitCode()).as(overridden.output()).isEqualTo(ExitCodes.OK);
        assertThat(overridden.out()).contains("--override-window applies it all the same").contains("Apply complete");
        assertThat(quickstart.mailboxes()).hasSize(3);
    }

    @Test
    void aPlanWithoutWindowsSaysNothingOfThem() {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "xci-paris");

        Commands.Run plan = commands.run("plan", "-c", quickstart.arg());

        assertThat(plan.out()).doesNotContain("Change windows");
    }
}
