package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.engine.Connections;
import dev.switchboard.engine.Engine;
import dev.switchboard.sim.MutableClock;
import dev.switchboard.system.TargetSystems;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's reconcile in apply mode with a change window, on a test clock: before the window opens the
 * target is {@code waiting-for-window}, nothing is sent, and the outcome says when it opens (the next run is no
 * later); at the window's start it is applied.
 */
@QuarkusTest
class WaitingForWindowTest {

    @Inject
    Connections connections;

    @Inject
    TargetSystems systems;

    @TempDir
    Path dir;

    @Test
    void waitsOutsideItsWindowAndAppliesAtItsStart() throws Exception {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                settings:
                  windows:
                    - { kind: allow, schedule: "0 22 * * *", duration: 2h, timeZone: Europe/Paris }
                targets:
                  xci-paris: { kind: xci, url: embedded, auth: { login: admin, password: admin } }
                """);
        Files.createDirectories(dir.resolve("xci"));
        Files.writeString(dir.resolve("xci/paris.yaml"), """
                target: xci-paris
                xivos:
                  - { name: xivo-paris, host: 10.0.0.220 }
                """);
        MutableClock clock = new MutableClock();
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        Reconciler reconciler = new Reconciler(new Engine(connections, systems, clock));
        Revision revision = new Revision(Revision.NO_COMMIT, dir, "");
        Path work = dir.resolve("work");
        Files.createDirectories(work);

        TargetOutcome waiting = reconciler.reconcile(revision, DaemonConfig.Mode.APPLY, work, List.of(), () -> false)
                .outcomes().get(0);

        assertThat(waiting.result()).isEqualTo(Result.WAITING_FOR_WINDOW);
        assertThat(waiting.result().label()).isEqualTo("waiting-for-window");
        assertThat(waiting.windowOpens()).contains(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(waiting.error()).hasValueSatisfying(e -> assertThat(e).contains("the next window opens at 2026-12-01T21:00:00Z"));
        assertThat(waiting.driftByKind()).containsEntry("xivo", 1);
        assertThat(waiting.journal()).isEmpty();

        clock.set(Instant.parse("2026-12-01T21:00:00Z"));
        TargetOutcome applied = reconciler.reconcile(revision, DaemonConfig.Mode.APPLY, work, List.of(), () -> false)
                .outcomes().get(0);

        assertThat(applied.result()).as(applied.error().orElse("")).isEqualTo(Result.APPLIED);
        assertThat(applied.windowOpens()).isEmpty();
        assertThat(applied.journal()).hasValueSatisfying(j -> assertThat(j.getFileName().toString())
                .startsWith("20261201T210000.000Z").endsWith("-xci-paris.jsonl"));
    }
}
