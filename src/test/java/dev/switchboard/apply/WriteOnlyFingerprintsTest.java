package dev.switchboard.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.diff.WriteOnlyPolicy;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.xci.XciKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteOnlyFingerprintsTest {

    private static final ResourceKey OPS = ResourceKey.of(XciKinds.ADMINISTRATOR, "ops");

    @TempDir
    Path state;

    @Test
    void resendsAWriteOnlyFieldOnlyWhenItChangedSinceItWasLastSent() {
        WriteOnlyFingerprints fingerprints = WriteOnlyFingerprints.open(state, "xci-paris");
        WriteOnlyPolicy policy = fingerprints.changedSinceLastSent();
        assertThat(policy.resend(OPS, "password", Secret.fromLive("one"))).as("never sent: nothing says it changed").isFalse();

        fingerprints.sent(OPS, "password", Secret.fromLive("one"));

        WriteOnlyPolicy reopened = WriteOnlyFingerprints.open(state, "xci-paris").changedSinceLastSent();
        assertThat(reopened.resend(OPS, "password", Secret.fromLive("one"))).isFalse();
        assertThat(reopened.resend(OPS, "password", Secret.fromLive("two"))).isTrue();
    }

    @Test
    void keepsNoValueAndAKeyOnlyItsOwnerReads() throws Exception {
        WriteOnlyFingerprints.open(state, "xci-paris").sent(OPS, "password", Secret.fromLive("hunter2"));
        String file = Files.readString(state.resolve("fingerprints/xci-paris.json"));
        assertThat(file).contains("administrator ops").doesNotContain("hunter2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("fingerprints/.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void targetsAppliedAtOnceOnAFreshCheckoutShareOneKey() throws Exception {
        // Two targets' first sends race for the key that does not exist yet: both must fingerprint with the same.
        for (int round = 0; round < 50; round++) {
            Path fresh = state.resolve("round-" + round);
            WriteOnlyFingerprints olx = WriteOnlyFingerprints.open(fresh, "olx-main");
            WriteOnlyFingerprints xci = WriteOnlyFingerprints.open(fresh, "xci-paris");
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                await(together);
                return olx.fingerprint("same secret");
            });
            String second;
            await(together);
            second = xci.fingerprint("same secret");
            assertThat(first.get()).as("round " + round).isEqualTo(second);
            assertThat(WriteOnlyFingerprints.open(fresh, "gws-main").fingerprint("same secret")).isEqualTo(second);
            try (var files = Files.list(fresh.resolve("fingerprints"))) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly(".key");
            }
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void writesNothingUntilSomethingIsSentAndForgetsDeletedObjects() {
        WriteOnlyFingerprints fingerprints = WriteOnlyFingerprints.open(state, "xci-paris");
        assertThat(state.resolve("fingerprints")).doesNotExist();
        fingerprints.sent(OPS, "password", "x");
        fingerprints.deleted(OPS);
        assertThat(WriteOnlyFingerprints.open(state, "xci-paris").recorded(OPS, "password")).isEmpty();
    }

    @Test
    void savesEachFieldAsALineSoThatAKilledApplyLosesNoneAndFoldsThemInOnFlush() throws Exception {
        ResourceKey ada = ResourceKey.of(XciKinds.ADMINISTRATOR, "ada");
        ResourceKey alan = ResourceKey.of(XciKinds.ADMINISTRATOR, "alan");
        WriteOnlyFingerprints fingerprints = WriteOnlyFingerprints.open(state, "xci-paris");
        fingerprints.sent(OPS, "password", "one");
        fingerprints.sent(ada, "password", "two");
        fingerprints.sent(alan, "password", "three");
        fingerprints.deleted(ada);
        Path log = state.resolve("fingerprints/xci-paris.json.log");
        assertThat(Files.readAllLines(log)).hasSize(3);
        assertThat(Files.readString(state.resolve("fingerprints/xci-paris.json"))).doesNotContain("alan");
        // killed here, with the last line cut short: a reopen replays the log
        Files.writeString(log, "{\"key\":\"administrator ops\",\"fie", java.nio.file.StandardOpenOption.APPEND);
        WriteOnlyFingerprints afterKill = WriteOnlyFingerprints.open(state, "xci-paris");
        assertThat(afterKill.recorded(alan, "password")).isPresent();
        assertThat(afterKill.recorded(ada, "password")).isEmpty();
        assertThat(afterKill.changedSinceLastSent().resend(OPS, "password", "one")).isFalse();

        fingerprints.flush();
        assertThat(log).doesNotExist();
        assertThat(Files.readString(state.resolve("fingerprints/xci-paris.json"))).contains("administrator alan")
                .doesNotContain("administrator ada").doesNotContain("three");
        assertThat(WriteOnlyFingerprints.open(state, "xci-paris").changedSinceLastSent()
                .resend(alan, "password", "four")).isTrue();
    }
}
