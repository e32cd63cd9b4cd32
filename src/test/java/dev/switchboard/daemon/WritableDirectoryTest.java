package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unwritable data directory or HOME is refused at start, naming the path and what needs it, instead of
 * failing every fetch with the bare path. A directory below a regular file cannot be made even by root, as
 * tests here run.
 */
class WritableDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void refusesADataDirectoryThatCannotBeMadeNamingItAndWhatNeedsIt() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "");
        Path dataDir = file.resolve("data");
        assertThatThrownBy(() -> WritableDirectory.requireForGit(dataDir, Map.of(), temp.toString()))
                .isInstanceOf(DaemonConfigException.class)
                .hasMessageStartingWith("SWITCHBOARD_DATA_DIR " + dataDir + " is not a writable directory")
                .hasMessageContaining("Git mirror").hasMessageContaining("journals");
    }

    @Test
    void aGitSourceChecksItsDataDirectoryBeforeAnyFetch() throws Exception {
        Path dataDir = Files.writeString(temp.resolve("a-file"), "").resolve("data");
        DaemonConfig config = new SmallRyeConfigBuilder()
                .withMapping(DaemonConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new EnvConfigSource(Map.of("SWITCHBOARD_GIT_URL", temp.resolve("repo").toString(),
                        "SWITCHBOARD_DATA_DIR", dataDir.toString()), 300))
                .build().getConfigMapping(DaemonConfig.class);
        assertThatThrownBy(() -> DesiredStateSource.from(config))
                .isInstanceOf(DaemonConfigException.class)
                .hasMessageStartingWith("SWITCHBOARD_DATA_DIR " + dataDir + " is not a writable directory");
    }

    @Test
    void refusesAHomeWhereJgitCannotKeepItsConfiguration() throws Exception {
        Path home = Files.writeString(temp.resolve("nonexistent"), "");
        assertThatThrownBy(() -> WritableDirectory.requireForGit(temp.resolve("data"), Map.of(), home.toString()))
                .isInstanceOf(DaemonConfigException.class)
                .hasMessageStartingWith("HOME " + home.resolve(".config/jgit") + " is not a writable directory")
                .hasMessageContaining("JGit's user configuration");
        assertThatThrownBy(() -> WritableDirectory.requireForGit(temp.resolve("data"),
                Map.of("XDG_CONFIG_HOME", home.toString()), temp.toString()))
                .hasMessageStartingWith("XDG_CONFIG_HOME " + home.resolve("jgit"));
    }

    @Test
    void makesMissingDirectoriesAndLeavesNoProbeBehind() throws Exception {
        WritableDirectory.requireForGit(temp.resolve("data"), Map.of(), temp.resolve("home").toString());
        try (var data = Files.list(temp.resolve("data")); var jgit = Files.list(temp.resolve("home/.config/jgit"))) {
            assertThat(data).isEmpty();
            assertThat(jgit).isEmpty();
        }
    }
}
