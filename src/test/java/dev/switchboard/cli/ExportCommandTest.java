package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting a running server: export its objects, and the export plans to no changes. */
@QuarkusMainTest
class ExportCommandTest {

    @TempDir
    Path temp;

    @Test
    void anExportedOfficelinxTargetPlansToNoChangesAndNothingUnmanaged(QuarkusMainLauncher launcher) throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        assertThat(launcher.launch("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(0);
        FileUtils.delete(quickstart.dir.resolve("officelinx").toFile(), FileUtils.RECURSIVE);

        LaunchResult export = launcher.launch("export", "-c", quickstart.arg(), "-t", "olx-main");

        assertThat(export.exitCode()).as(export.getErrorOutput()).isEqualTo(ExitCodes.OK);
        assertThat(export.getErrorOutput()).contains("Wrote 15 objects of target olx-main");
        Path file = quickstart.dir.resolve("officelinx/olx-main.yaml");
        assertThat(Files.readString(file)).contains("number: \"1001\"").contains("name: Default Company");
        LaunchResult plan = launcher.launch("plan", "-c", quickstart.arg(), "-t", "olx-main", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.getOutput()).isEqualTo(ExitCodes.OK);
        assertThat(plan.getOutput()).contains("No changes.").doesNotContain("unmanaged");
    }

    @Test
    void anExportNamesTheSecretsToSetAndNeverWritesTheirValues(QuarkusMainLauncher launcher) throws Exception {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        assertThat(launcher.launch("apply", "-c", quickstart.arg(), "--auto-approve").exitCode()).isEqualTo(0);
        Path out = temp.resolve("export");

        LaunchResult export = launcher.launch("export", "-c", quickstart.arg(), "-t", "xci-paris", "--out", out.toString());

        assertThat(export.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(export.getErrorOutput()).contains("set CTI_XIVO_PARIS_1701_PASSWORD").contains("set XCI_OPS_PASSWORD");
        String yaml = Files.readString(out.resolve("xci/xci-paris.yaml"));
        assertThat(yaml).contains("ctiPassword: \"${env:CTI_XIVO_PARIS_1701_PASSWORD}\"").doesNotContain("alice-cti-secret");
        assertThat(export.getOutput() + export.getErrorOutput()).doesNotContain("alice-cti-secret");
        // A new repository ignores the machine's own .switchboard/ (the fingerprint key) from its first commit.
        assertThat(Files.readAllLines(out.resolve(".gitignore"))).contains(".switchboard/");
        assertThat(export.getErrorOutput()).contains("Wrote " + out.resolve(".gitignore"));
    }

    @Test
    void refusesToOverwriteAFile(QuarkusMainLauncher launcher) {
        QuickstartCopy quickstart = QuickstartCopy.in(temp);
        Path out = temp.resolve("export");
        assertThat(launcher.launch("export", "-c", quickstart.arg(), "-t", "olx-main", "--out", out.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        LaunchResult again = launcher.launch("export", "-c", quickstart.arg(), "-t", "olx-main", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(again.getErrorOutput()).contains("exists already");
    }
}
