package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

@QuarkusMainTest
class ServeCommandTest {

    @Test
    void exitsOneAndSaysWhatToSetWhenNoDesiredStateIsConfigured(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("serve");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.getErrorOutput())
                .contains("switchboard serve: say where the desired state is: SWITCHBOARD_CONFIG=DIR")
                .contains("SWITCHBOARD_GIT_URL=URL")
                .doesNotContain("Exception");
    }
}
