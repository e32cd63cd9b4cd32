package dev.switchboard.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings.lock} and {@code settings.lockNamespace} as the loader reads them, and what it refuses. */
class LockSettingsTest {

    @TempDir
    Path dir;

    private LoadResult load(String settings) throws IOException {
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                settings:
                %s
                targets:
                  xci-paris: { kind: xci, url: embedded, auth: { login: admin, password: admin } }
                """.formatted(settings.indent(2).stripTrailing()));
        return Fixtures.load(dir, Map.of());
    }

    @Test
    void filesByDefaultAndLeasesInTheNamespaceGiven() throws IOException {
        assertThat(load("parallelism: 4").requireValid().settings().lock()).isEqualTo(Settings.Lock.FILE);
        assertThat(load("lock: kubernetes").requireValid().settings().lock())
                .isEqualTo(new Settings.Lock(Settings.Lock.Kind.KUBERNETES, Optional.empty()));
        assertThat(load("lock: kubernetes\nlockNamespace: telephony").requireValid().settings().lock())
                .isEqualTo(new Settings.Lock(Settings.Lock.Kind.KUBERNETES, Optional.of("telephony")));
    }

    @Test
    void anUnknownLockOrANamespaceWithoutLeasesIsRefusedWhereItIsWritten() throws IOException {
        List<String> unknown = load("lock: etcd").problems().stream().map(Problem::render).toList();
        assertThat(unknown).singleElement().satisfies(p -> assertThat(p).contains("switchboard.yaml:3")
                .contains("settings.lock").contains("kubernetes"));

        List<String> stray = load("lockNamespace: telephony").problems().stream().map(Problem::render).toList();
        assertThat(stray).singleElement().satisfies(p -> assertThat(p).contains("switchboard.yaml:3")
                .contains("settings.lockNamespace").contains("locks with files").contains("add 'lock: kubernetes'"));

        List<String> badName = load("lock: kubernetes\nlockNamespace: Telephony_EU").problems().stream()
                .map(Problem::render).toList();
        assertThat(badName).singleElement().satisfies(p -> assertThat(p).contains("switchboard.yaml:4")
                .contains("settings.lockNamespace"));
    }
}
