package dev.switchboard.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Proof, before the first pass, that a directory the daemon writes to exists or can be made, and takes
 * a file: otherwise every fetch would fail later with the bare path as its message. The probe writes a
 * file, since {@link Files#isWritable} trusts mode bits that a read-only mount or a foreign owner defeat.
 */
final class WritableDirectory {

    private WritableDirectory() {
    }

    /**
     * @param setting what the user sets to move it, e.g. {@code SWITCHBOARD_DATA_DIR}
     * @param purpose what needs it, e.g. "the Git mirror and checkouts"
     * @throws DaemonConfigException naming the directory, what needs it and the setting, when it cannot be written
     */
    static void require(Path dir, String setting, String purpose) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            Files.delete(Files.createTempFile(absolute, ".switchboard-probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new DaemonConfigException(setting + " " + absolute + " is not a writable directory ("
                    + dev.switchboard.desired.SecretResolver.reason(e) + "): it holds " + purpose + "; point " + setting
                    + " at a directory the user running Switchboard can write (a volume in a container, "
                    + "StateDirectory= under systemd)");
        }
    }

    /**
     * What a Git source writes: the data directory, and JGit's user configuration directory
     * ({@code $XDG_CONFIG_HOME/jgit}, else {@code ~/.config/jgit}; Java takes {@code ~} from the password
     * database, or from {@code HOME} for a user without one or whose home is {@code /}).
     */
    static void requireForGit(Path dataDir, Map<String, String> environment, String userHome) {
        require(dataDir, "SWITCHBOARD_DATA_DIR",
                "the Git mirror and checkouts, the embedded simulators' state and the apply journals");
        Optional<String> xdg = Optional.ofNullable(environment.get("XDG_CONFIG_HOME")).filter(v -> !v.isBlank());
        if (xdg.isPresent()) {
            require(Path.of(xdg.get(), "jgit"), "XDG_CONFIG_HOME", "JGit's user configuration, read and written by every fetch");
        } else {
            require(Path.of(userHome, ".config", "jgit"), "HOME", "JGit's user configuration (HOME/.config/jgit), "
                    + "read and written by every fetch");
        }
    }
}
