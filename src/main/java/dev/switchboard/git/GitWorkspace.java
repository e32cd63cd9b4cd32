package dev.switchboard.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The daemon's copy of a Git repository: a bare mirror under {@code root} fetched on demand, and a
 * directory of its own per commit to reconcile, holding that commit's files. A failed fetch leaves the
 * mirror and every checkout as they were, so the daemon carries on with the last good commit.
 */
public final class GitWorkspace implements AutoCloseable {

    private static final int CHECKOUTS_KEPT = 3;
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    private final GitSource source;
    private final Path root;
    private Repository repository;

    public GitWorkspace(GitSource source, Path root) {
        this.source = source;
        this.root = root.toAbsolutePath();
    }

    public GitSource source() {
        return source;
    }

    /**
     * Fetches the branch from the remote.
     *
     * @return the commit at the branch's tip
     * @throws GitException when the remote cannot be reached, refuses the credentials or lacks the branch
     */
    public synchronized String fetch() {
        try {
            Repository repo = repository();
            String remoteRef = "refs/remotes/origin/" + source.branch();
            FetchCommand fetch = Git.wrap(repo).fetch()
                    .setRemote(source.url())
                    .setRefSpecs(new RefSpec("+refs/heads/" + source.branch() + ":" + remoteRef))
                    .setTimeout((int) FETCH_TIMEOUT.toSeconds());
            source.token().ifPresent(token ->
                    fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(source.tokenUsername(), token)));
            if (source.sshKeyFile().isPresent()) {
                SshdSessionFactory ssh = sshSessionFactory();
                fetch.setTransportConfigCallback(transport -> {
                    if (transport instanceof SshTransport sshTransport) {
                        sshTransport.setSshSessionFactory(ssh);
                    }
                });
            }
            fetch.call();
            ObjectId tip = repo.resolve(remoteRef);
            if (tip == null) {
                throw new GitException("branch " + source.branch() + " does not exist on " + source.displayUrl(), null);
            }
            return tip.name();
        } catch (GitAPIException | IOException | RuntimeException e) {
            if (e instanceof GitException gitException) {
                throw gitException;
            }
            throw new GitException("cannot fetch branch " + source.branch() + " from " + source.displayUrl() + ": "
                    + redact(rootMessage(e)), e);
        }
    }

    /**
     * The directory holding the desired state at {@code commit} (the configured sub-path of it), writing
     * the commit's files on first use.
     */
    public synchronized Path checkout(String commit) {
        Path dir = root.resolve("checkouts").resolve(commit);
        if (!Files.isDirectory(dir)) {
            writeTree(commit, dir);
            pruneOldCheckouts();
        }
        return source.subPath().map(dir::resolve).orElse(dir);
    }

    /** The commit's first line, for status pages. */
    public synchronized String describe(String commit) {
        try (RevWalk walk = new RevWalk(repository())) {
            RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit));
            return revCommit.getShortMessage();
        } catch (IOException | GitAPIException e) {
            throw new GitException("cannot read commit " + commit, e);
        }
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.close();
        }
    }

    private Repository repository() throws IOException, GitAPIException {
        if (repository == null) {
            Path mirror = root.resolve("mirror.git");
            if (!Files.isDirectory(mirror)) {
                Files.createDirectories(root);
                Git.init().setBare(true).setDirectory(mirror.toFile()).call().close();
            }
            repository = new FileRepositoryBuilder().setGitDir(mirror.toFile()).setBare().build();
        }
        return repository;
    }

    private void writeTree(String commit, Path dir) {
        Path temp = dir.resolveSibling(dir.getFileName() + ".partial");
        try {
            deleteRecursively(temp);
            Files.createDirectories(temp);
            Repository repo = repository();
            try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    // Symbolic links could point outside the checkout; desired state never needs them.
                    if (tree.getFileMode(0) == FileMode.SYMLINK || tree.getFileMode(0) == FileMode.GITLINK) {
                        continue;
                    }
                    Path file = temp.resolve(tree.getPathString()).normalize();
                    if (!file.startsWith(temp)) {
                        continue;
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = repo.open(tree.getObjectId(0)).openStream()) {
                        Files.copy(in, file);
                    }
                }
            }
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GitAPIException | IllegalArgumentException e) {
            throw new GitException("cannot check commit " + commit + " out: " + rootMessage(e), e);
        }
    }

    private void pruneOldCheckouts() {
        Path checkouts = root.resolve("checkouts");
        try (Stream<Path> dirs = Files.list(checkouts)) {
            List<Path> byAge = dirs.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().endsWith(".partial"))
                    .sorted(Comparator.comparing(GitWorkspace::modified).reversed())
                    .toList();
            for (Path old : byAge.subList(Math.min(CHECKOUTS_KEPT, byAge.size()), byAge.size())) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy old checkouts in " + checkouts, e);
        }
    }

    private SshdSessionFactory sshSessionFactory() {
        Path home = Path.of(System.getProperty("user.home"));
        Path knownHosts = source.knownHostsFile().orElse(home.resolve(".ssh").resolve("known_hosts"));
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home.toFile())
                .setSshDirectory(home.resolve(".ssh").toFile())
                .setDefaultIdentities(sshDir -> List.of(source.sshKeyFile().orElseThrow()))
                .setDefaultKnownHostsFiles(sshDir -> List.of(knownHosts))
                .setPreferredAuthentications("publickey")
                .build(null);
    }

    private String redact(String message) {
        String redacted = message == null ? "" : message.replace(source.url(), source.displayUrl());
        if (source.token().isPresent()) {
            redacted = redacted.replace(source.token().get(), "(sensitive)");
        }
        return redacted;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static java.nio.file.attribute.FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
