package dev.switchboard.daemon;

import dev.switchboard.git.GitSource;
import dev.switchboard.git.GitWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the daemon's desired state comes from: a Git branch, or a local directory. */
public interface DesiredStateSource extends AutoCloseable {

    /**
     * The newest revision: fetches the branch (Git) or looks at the directory again (local).
     *
     * @throws SourceException when it cannot be fetched; the message holds no credentials
     */
    Revision latest();

    /** Whether {@link #latest()} talks to a remote, so that a fetch is worth counting and polling. */
    boolean fetches();

    /** Where it comes from, for the status page: no credentials. */
    String describe();

    @Override
    void close();

    /**
     * The source {@code config} names: exactly one of {@code switchboard.config} and
     * {@code switchboard.git.url}.
     *
     * @throws DaemonConfigException when neither or both are set, a key or token file cannot be read, or the
     *     data directory or JGit's configuration directory (below HOME) cannot be written
     */
    static DesiredStateSource from(DaemonConfig config) {
        boolean local = config.config().isPresent();
        boolean git = config.git().url().filter(u -> !u.isBlank()).isPresent();
        if (local == git) {
            throw new DaemonConfigException(local
                    ? "set only one of SWITCHBOARD_CONFIG (a local directory) and SWITCHBOARD_GIT_URL (a repository), not both"
                    : "say where the desired state is: SWITCHBOARD_CONFIG=DIR for a local directory, or "
                            + "SWITCHBOARD_GIT_URL=URL (https, ssh, a local path or file://) for a Git repository");
        }
        if (local) {
            return new LocalSource(config.config().orElseThrow());
        }
        DaemonConfig.Git settings = config.git();
        Optional<String> token = SharedSecret.read("SWITCHBOARD_GIT_TOKEN", settings.token(), settings.tokenFile())
                .map(SharedSecret::reveal);
        settings.sshKeyFile().ifPresent(key -> {
            if (!Files.isReadable(key)) {
                throw new DaemonConfigException("SWITCHBOARD_GIT_SSH_KEY_FILE " + key + " cannot be read");
            }
        });
        GitSource source = new GitSource(settings.url().orElseThrow(), settings.branch(), settings.path(), token,
                settings.tokenUsername(), settings.sshKeyFile(), settings.knownHostsFile());
        WritableDirectory.requireForGit(config.dataDir(), System.getenv(), System.getProperty("user.home"));
        return new GitBranchSource(new GitWorkspace(source, config.dataDir().resolve("git")));
    }

    /** A directory on disk, read afresh on every run; its commit is the HEAD of the repository holding it. */
    final class LocalSource implements DesiredStateSource {

        private final Path dir;

        LocalSource(Path dir) {
            this.dir = dir.toAbsolutePath().normalize();
        }

        @Override
        public Revision latest() {
            if (!Files.isDirectory(dir)) {
                throw new SourceException("the desired-state directory " + dir + " does not exist", null);
            }
            return new Revision(dev.switchboard.git.GitRevision.of(dir).orElse(Revision.NO_COMMIT), dir, "");
        }

        @Override
        public boolean fetches() {
            return false;
        }

        @Override
        public String describe() {
            return dir.toString();
        }

        @Override
        public void close() {
        }
    }

    /** A branch of a Git repository, fetched into the daemon's workspace, each commit in a directory of its own. */
    final class GitBranchSource implements DesiredStateSource {

        private final GitWorkspace workspace;

        GitBranchSource(GitWorkspace workspace) {
            this.workspace = workspace;
        }

        @Override
        public Revision latest() {
            try {
                String commit = workspace.fetch();
                return new Revision(commit, workspace.checkout(commit), workspace.describe(commit));
            } catch (dev.switchboard.git.GitException e) {
                throw new SourceException(e.getMessage(), e);
            }
        }

        @Override
        public boolean fetches() {
            return true;
        }

        @Override
        public String describe() {
            GitSource source = workspace.source();
            return source.displayUrl() + " branch " + source.branch() + source.subPath().map(p -> " path " + p).orElse("");
        }

        @Override
        public void close() {
            workspace.close();
        }
    }
}
