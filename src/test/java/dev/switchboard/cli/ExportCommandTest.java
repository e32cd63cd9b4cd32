package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting a running server: export its objects, and the export plans to no changes. */
@QuarkusTest
class ExportCommandTest {

    @Inject
    Commands commands;

    @TempDir
    Path temp;

    @Test
    void anExportedOfficelinxTargetPlansToNoChangesAndNothingUnmanaged() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        assertThat(commands.run("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(0);
        FileUtils.delete(quickstart.dir.resolve("officelinx").toFile(), FileUtils.RECURSIVE);

        Commands.Run export = commands.run("export", "-c", quickstart.arg(), "-t", "olx-main");

        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCodes.OK);
        assertThat(export.err()).contains("Wrote 15 objects of target olx-main");
        Path file = quickstart.dir.resolve("officelinx/olx-main.yaml");
        assertThat(Files.readString(file)).contains("number: \"1001\"").contains("name: Default Company");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "-t", "olx-main", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.out()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("No changes.").doesNotContain("unmanaged");
    }

    @Test
    void anExportNamesTheSecretsToSetAndNeverWritesTheirValues() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        assertThat(commands.run("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(0);
        Path out = temp.resolve("export");

        Commands.Run export = commands.run("export", "-c", quickstart.arg(), "-t", "xci-paris", "--out", out.toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(export.err()).contains("set CTI_XIVO_PARIS_1701_PASSWORD").contains("set XCI_OPS_PASSWORD");
        String yaml = Files.readString(out.resolve("xci/xci-paris.yaml"));
        assertThat(yaml).contains("ctiPassword: \"${env:CTI_XIVO_PARIS_1701_PASSWORD}\"").doesNotContain("alice-cti-secret");
        assertThat(yaml).as("the simulator's built-in admin has no name, and none is written").contains("- login: admin")
                .doesNotContain("name: \"\"");
        assertThat(export.out() + export.err()).doesNotContain("alice-cti-secret");
        // A new repository ignores the machine's own .switchboard/ (the fingerprint key) from its first commit.
        assertThat(Files.readAllLines(out.resolve(".gitignore"))).contains(".switchboard/");
        assertThat(export.err()).contains("Wrote " + out.resolve(".gitignore"));
        // The file's $schema line points at a schema that exists, relatively, so an editor completes the file.
        String pointer = yaml.lines().findFirst().orElseThrow();
        assertThat(pointer).isEqualTo("# yaml-language-server: $schema=../schemas/xci.schema.json");
        Path schema = out.resolve("xci").resolve(pointer.substring(pointer.indexOf('=') + 1)).normalize();
        assertThat(Files.readString(schema)).isEqualTo(commands.run("schema", "xci").out());
        assertThat(out.resolve("schemas/switchboard.schema.json")).exists();
        assertThat(export.err()).contains("Wrote schemas/switchboard.schema.json, schemas/xci.schema.json");
    }

    @Test
    void aRunOnOneTargetNeedsOnlyThatTargetsSecrets() throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.of(temp, "olx-main", "xci-paris");
        Path config = quickstart.dir.resolve("switchboard.yaml");
        // xci-paris's password comes from a variable this machine does not have, as another team's would.
        String yaml = Files.readString(config);
        int xci = yaml.indexOf("  xci-paris:");
        Files.writeString(config, yaml.substring(0, xci) + yaml.substring(xci)
                .replaceFirst("\\$\\{file:secrets/simulator-password}", "\\${env:SB_TEST_NEVER_SET_XCI_PASSWORD}"));
        Path out = temp.resolve("export");

        Commands.Run export = commands.run("export", "-c", quickstart.arg(), "-t", "olx-main", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isEqualTo(ExitCodes.OK);
        assertThat(export.err()).contains("objects of target olx-main to ").doesNotContain("SB_TEST_NEVER_SET");
        Commands.Run plan = commands.run("plan", "-c", quickstart.arg(), "-t", "olx-main");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out()).contains("olx-main").doesNotContain("xci-paris");

        // The target whose secret is missing, or every target, still needs it; validate checks them all.
        for (String[] run : new String[][] {{"plan", "-t", "xci-paris"}, {"plan"}, {"export", "-t", "xci-paris",
                "--out", temp.resolve("export-xci").toString()}, {"validate"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(run),
                    java.util.stream.Stream.of("-c", quickstart.arg())).toArray(String[]::new);
            Commands.Run refused = commands.run(args);
            assertThat(refused.exitCode()).as(String.join(" ", run)).isEqualTo(ExitCodes.ERROR);
            assertThat(refused.out() + refused.err()).as(String.join(" ", run)).contains("switchboard.yaml:")
                    .contains("the environment variable SB_TEST_NEVER_SET_XCI_PASSWORD is not set");
        }
    }

    @Test
    void refusesToOverwriteAFile() {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        Path out = temp.resolve("export");
        assertThat(commands.run("export", "-c", quickstart.arg(), "-t", "olx-main", "--out", out.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        Commands.Run again = commands.run("export", "-c", quickstart.arg(), "-t", "olx-main", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.err()).contains("exists already");
    }
}
