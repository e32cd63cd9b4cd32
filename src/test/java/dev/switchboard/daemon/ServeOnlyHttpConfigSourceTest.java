package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeOnlyHttpConfigSourceTest {

    @Test
    void enablesHttpForServeOnly() {
        assertThat(new ServeOnlyHttpConfigSource("target/quarkus-app/quarkus-run.jar serve")
                .getValue("quarkus.http.host-enabled")).isEqualTo("true");
        assertThat(new ServeOnlyHttpConfigSource("io.quarkus.runner.GeneratedMain serve")
                .getValue("quarkus.http.host-enabled")).isEqualTo("true");
        assertThat(new ServeOnlyHttpConfigSource("io.quarkus.runner.GeneratedMain serve")
                .getValue("quarkus.scheduler.enabled")).isEqualTo("true");
    }

    @Test
    void keepsHttpOffForEveryOtherCommandLine() {
        for (String commandLine : new String[] {
                "target/quarkus-app/quarkus-run.jar plan -c examples/quickstart",
                "target/quarkus-app/quarkus-run.jar validate serve",
                "target/quarkus-app/quarkus-run.jar serve --help",
                "target/quarkus-app/quarkus-run.jar serve -V",
                "target/quarkus-app/quarkus-run.jar sim --port 8099",
                "target/quarkus-app/quarkus-run.jar",
                "org.apache.maven.surefire.booter.ForkedBooter /tmp/surefire 2025 surefire.tmp",
                ""}) {
            assertThat(new ServeOnlyHttpConfigSource(commandLine).getValue("quarkus.http.host-enabled"))
                    .as(commandLine).isEqualTo("false");
            assertThat(new ServeOnlyHttpConfigSource(commandLine).getValue("quarkus.scheduler.enabled"))
                    .as("no scheduler: " + commandLine).isEqualTo("false");
        }
    }

    @Test
    void ranksBelowApplicationPropertiesAndAnswersOnlyItsOneProperty() {
        ServeOnlyHttpConfigSource source = new ServeOnlyHttpConfigSource("app.jar serve");
        assertThat(source.getOrdinal()).isLessThan(250);
        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("quarkus.http.host-enabled", "quarkus.scheduler.enabled");
        assertThat(source.getValue("quarkus.http.port")).isNull();
    }
}
