package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandConfigSourceTest {

    private static final int PROCESSORS = 8;

    private static CommandConfigSource of(String commandLine) {
        return new CommandConfigSource(commandLine, PROCESSORS);
    }

    @Test
    void enablesHttpForServeOnly() {
        assertThat(of("target/quarkus-app/quarkus-run.jar serve").getValue("quarkus.http.host-enabled")).isEqualTo("true");
        assertThat(of("io.quarkus.runner.GeneratedMain serve").getValue("quarkus.http.host-enabled")).isEqualTo("true");
        assertThat(of("io.quarkus.runner.GeneratedMain serve").getValue("quarkus.scheduler.enabled")).isEqualTo("true");
        for (String commandLine : new String[] {
                "app.jar -v serve", "app.jar --verbose serve", "app.jar --log-level debug serve",
                "app.jar --log-level=debug -v serve"}) {
            assertThat(of(commandLine).getValue("quarkus.http.host-enabled")).as("the top command's options first: "
                    + commandLine).isEqualTo("true");
        }
    }

    @Test
    void keepsHttpOffForEveryOtherCommandLine() {
        for (String commandLine : new String[] {
                "target/quarkus-app/quarkus-run.jar plan -c examples/quickstart",
                "target/quarkus-app/quarkus-run.jar validate serve",
                "target/quarkus-app/quarkus-run.jar serve --help",
                "target/quarkus-app/quarkus-run.jar serve -V",
                "app.jar -v validate serve",
                "app.jar --log-level serve plan",
                "target/quarkus-app/quarkus-run.jar sim --port 8099",
                "target/quarkus-app/quarkus-run.jar",
                "org.apache.maven.surefire.booter.ForkedBooter /tmp/surefire 2025 surefire.tmp",
                ""}) {
            assertThat(of(commandLine).getValue("quarkus.http.host-enabled")).as(commandLine).isEqualTo("false");
            assertThat(of(commandLine).getValue("quarkus.scheduler.enabled")).as("no scheduler: " + commandLine)
                    .isEqualTo("false");
        }
    }

    @Test
    void everyCommandButServeRunsOneEventLoopForEachTwoProcessors() {
        assertThat(of("target/quarkus-app/quarkus-run.jar plan -c examples/quickstart")
                .getValue("quarkus.vertx.event-loops-pool-size")).isEqualTo("4");
        assertThat(new CommandConfigSource("target/quarkus-app/quarkus-run.jar apply", 2)
                .getValue("quarkus.vertx.event-loops-pool-size")).isEqualTo("1");
        assertThat(new CommandConfigSource("target/quarkus-app/quarkus-run.jar drift", 1)
                .getValue("quarkus.vertx.event-loops-pool-size")).as("never none").isEqualTo("1");
        CommandConfigSource serve = of("target/quarkus-app/quarkus-run.jar serve");
        assertThat(serve.getValue("quarkus.vertx.event-loops-pool-size")).as("Quarkus's own pool size").isNull();
        assertThat(serve.getPropertyNames()).doesNotContain("quarkus.vertx.event-loops-pool-size");
    }

    @Test
    void ranksBelowApplicationPropertiesAndAnswersOnlyItsOwnProperties() {
        CommandConfigSource source = of("app.jar serve");
        assertThat(source.getOrdinal()).isLessThan(250);
        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("quarkus.http.host-enabled", "quarkus.scheduler.enabled");
        assertThat(of("app.jar plan").getPropertyNames()).containsExactlyInAnyOrder("quarkus.http.host-enabled",
                "quarkus.scheduler.enabled", "quarkus.vertx.event-loops-pool-size");
        assertThat(source.getValue("quarkus.http.port")).isNull();
    }
}
