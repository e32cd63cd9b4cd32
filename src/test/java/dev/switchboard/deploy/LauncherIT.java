package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/bin/switchboard, the launcher of the image and of the systemd unit: credentials handed over as
 * files (systemd's LoadCredential= directory, a Kubernetes Secret volume) reach Switchboard, each optional.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("deploy/bin/switchboard").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void everyCredentialOfTheEnterpriseExampleReachesValidateFromSystemdCredentialFiles() throws Exception {
        Set<String> names = DeployFiles.environmentReferences(Path.of("examples/enterprise"));
        assertThat(names).hasSizeGreaterThanOrEqualTo(15);
        Path credentials = Files.createDirectories(temp.resolve("credentials"));
        for (String name : names) {
            // LoadCredential=switchboard:/etc/switchboard/credentials names each file switchboard_<file>.
            Files.writeString(credentials.resolve("switchboard_" + name), "value-of-" + name + "\n");
        }

        ScriptRun validate = ScriptRun.of(Path.of("").toAbsolutePath(), Map.of(
                "SWITCHBOARD_APP", Path.of("target/quarkus-app").toAbsolutePath().toString(),
                "CREDENTIALS_DIRECTORY", credentials.toString()), "sh", LAUNCHER.toString(),
                "validate", "-c", "examples/enterprise");

        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).contains("olx-hq").contains("gws-emea").doesNotContain("value-of-");
    }

    @Test
    void pointsTheDaemonAtTheTokenFilesPresentAndLeavesWhatIsSetAlone() throws Exception {
        // A java that prints what it was given: the launcher's mapping is under test, not the JVM.
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                env | grep -E '^(SWITCHBOARD_|OLX_)' | sort
                echo "java $*"
                """);
        bin.resolve("java").toFile().setExecutable(true);
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        Path secret = Files.createDirectories(temp.resolve("secret"));   // a Secret volume: plain names
        Files.writeString(secret.resolve("git-token"), "t");
        Files.writeString(secret.resolve("webhook-secret"), "w");
        Files.writeString(secret.resolve("OLX_CLIENT_SECRET"), "s3cret\n");
        Files.writeString(secret.resolve("not-a-variable.txt"), "x");

        ScriptRun run = ScriptRun.of(temp, Map.of(
                "PATH", bin + ":" + System.getenv("PATH"),
                "SWITCHBOARD_APP", app.toString(),
                "SWITCHBOARD_CREDENTIALS_DIR", secret.toString(),
                "SWITCHBOARD_WEBHOOK_SECRET", "from-the-environment"), "sh", LAUNCHER.toString(), "serve");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output().lines()).contains(
                "SWITCHBOARD_GIT_TOKEN_FILE=" + secret.resolve("git-token"),
                "OLX_CLIENT_SECRET=s3cret",
                "java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -jar " + app.resolve("quarkus-run.jar") + " serve");
        // Set already: not doubled (Switchboard refuses both SWITCHBOARD_WEBHOOK_SECRET and its _FILE); absent: not made up.
        assertThat(run.output()).doesNotContain("SWITCHBOARD_WEBHOOK_SECRET_FILE").doesNotContain("SWITCHBOARD_API_TOKEN_FILE")
                .doesNotContain("not-a-variable");

        // A daemon runs for long: C2 and the JVM's own collector, none of the short commands' options.
        assertThat(run.output()).doesNotContain("TieredStopAtLevel").doesNotContain("UseSerialGC");

        ScriptRun noApp = ScriptRun.of(temp, Map.of("SWITCHBOARD_APP", temp.resolve("nowhere").toString()),
                "sh", LAUNCHER.toString(), "serve");
        assertThat(noApp.exitCode()).isEqualTo(1);
        assertThat(noApp.output()).contains("no application in " + temp.resolve("nowhere"));
    }

    @Test
    void givesEveryCommandButServeTheShortCommandsJvmOptionsBeforeJavaOpts() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
        bin.resolve("java").toFile().setExecutable(true);
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "");
        String jar = app.resolve("quarkus-run.jar").toString();
        String shortOptions = "-XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MetaspaceSize=64m"
                + " -XX:MaxMetaspaceSize=128m -XX:TieredStopAtLevel=1";
        Map<String, String> environment = Map.of("PATH", bin + ":" + System.getenv("PATH"), "SWITCHBOARD_APP", app.toString(),
                "JAVA_OPTS", "-XX:TieredStopAtLevel=4");

        // The subcommand is found past the top command's own options, as picocli takes them.
        for (List<String> arguments : List.of(List.of("plan", "-c", "desired"), List.of("-v", "apply", "plan.json"),
                List.of("--log-level", "debug", "validate"), List.of("--log-level=debug", "export", "olx"))) {
            List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
            command.addAll(arguments);
            ScriptRun run = ScriptRun.of(temp, environment, command.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.output()).isZero();
            // JAVA_OPTS comes last, and the JVM takes the last of two settings of one option.
            assertThat(run.output().strip()).as(String.join(" ", arguments)).isEqualTo("java -XX:MaxRAMPercentage=75 "
                    + "-XX:+ExitOnOutOfMemoryError " + shortOptions + " -XX:TieredStopAtLevel=4 -jar " + jar + " "
                    + String.join(" ", arguments));
        }
        // A log level named serve is the level's value, not the serve command.
        ScriptRun serve = ScriptRun.of(temp, environment, "sh", LAUNCHER.toString(), "--log-level", "serve", "plan");
        assertThat(serve.output()).contains(shortOptions);
        ScriptRun daemon = ScriptRun.of(temp, environment, "sh", LAUNCHER.toString(), "-v", "serve");
        assertThat(daemon.output().strip()).isEqualTo("java -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError "
                + "-XX:TieredStopAtLevel=4 -jar " + jar + " -v serve");
    }

    @Test
    void refusesToStartWithoutTheOptionsItSourcesBesideIt() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("opt/bin"));
        Files.copy(LAUNCHER, bin.resolve("switchboard"));   // installed alone, as the old install line did
        ScriptRun run = ScriptRun.of(temp, Map.of("SWITCHBOARD_APP", temp.toString()), "sh",
                bin.resolve("switchboard").toString(), "plan");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("no " + bin.resolve("jvm-options")).contains("deploy/bin/");
    }
}
