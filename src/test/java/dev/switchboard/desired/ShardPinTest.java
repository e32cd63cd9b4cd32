package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shard: K} on a target: read with where it is written, so that the daemon can name it; never negative. */
class ShardPinTest {

    @TempDir
    Path dir;

    @Test
    void readsThePinAndWhereItIsWritten() throws IOException {
        write("    shard: 2\n");

        TargetSpec target = Fixtures.load(dir, Map.of()).requireValid().targets().get("olx-main");

        assertThat(target.shard()).hasValueSatisfying(pin -> {
            assertThat(pin.shard()).isEqualTo(2);
            assertThat(pin.location().line()).isEqualTo(7);
            assertThat(pin.location().file().toString()).endsWith("switchboard.yaml");
            assertThat(pin.fieldPath()).isEqualTo("targets.olx-main.shard");
        });
        assertThat(Fixtures.load(dir, Map.of()).requireValid().targets().get("olx-main").withPolicy(target.policy()).shard())
                .isEqualTo(target.shard());
    }

    @Test
    void aTargetWithoutOneIsUnpinned() throws IOException {
        write("");

        assertThat(Fixtures.load(dir, Map.of()).requireValid().targets().get("olx-main").shard()).isEmpty();
    }

    @Test
    void refusesANegativeShardAtItsLine() throws IOException {
        write("    shard: -1\n");

        LoadResult loaded = Fixtures.load(dir, Map.of());

        assertThat(loaded.valid()).isFalse();
        assertThat(loaded.problems()).anySatisfy(p -> {
            assertThat(p.location().line()).isEqualTo(7);
            assertThat(p.fieldPath()).isEqualTo("targets.olx-main.shard");
        });
    }

    private void write(String shardLine) throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), "apiVersion: switchboard/v1\ntargets:\n  olx-main:\n"
                + "    kind: officelinx\n    url: embedded\n"
                + "    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }\n"
                + shardLine);
    }
}
