package dev.switchboard.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWorkspaceTest {

    @TempDir
    Path temp;

    private RevCommit commit(Git git, String file, String content, String message) throws Exception {
        Path path = git.getRepository().getWorkTree().toPath().resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
    }

    @Test
    void clonesOnceThenFetchesNewCommitsAndChecksEachOutIntoItsOwnDirectory() throws Exception {
        try (Git origin = Git.init().setInitialBranch("main").setDirectory(temp.resolve("origin").toFile()).call();
             GitWorkspace workspace = new GitWorkspace(GitSource.local(temp.resolve("origin").toString(), "main"),
                     temp.resolve("workspace"))) {
            RevCommit first = commit(origin, "config/switchboard.yaml", "one", "first");
            assertThat(workspace.fetch()).isEqualTo(first.name());
            Path firstDir = workspace.checkout(first.name());
            assertThat(Files.readString(firstDir.resolve("config/switchboard.yaml"))).isEqualTo("one");

            RevCommit second = commit(origin, "config/switchboard.yaml", "two", "second");
            assertThat(workspace.fetch()).isEqualTo(second.name());
            assertThat(Files.readString(workspace.checkout(second.name()).resolve("config/switchboard.yaml"))).isEqualTo("two");
            assertThat(Files.readString(firstDir.resolve("config/switchboard.yaml")))
                    .as("an earlier checkout is left as it was").isEqualTo("one");
            assertThat(workspace.describe(second.name())).isEqualTo("second");
        }
    }

    @Test
    void resolvesTheConfiguredSubdirectoryAndAcceptsFileUrls() throws Exception {
        try (Git origin = Git.init().setInitialBranch("main").setDirectory(temp.resolve("origin").toFile()).call()) {
            RevCommit commit = commit(origin, "deploy/switchboard/switchboard.yaml", "x", "c");
            GitSource source = new GitSource(temp.resolve("origin").toUri().toString(), "main",
                    Optional.of("deploy/switchboard"), Optional.empty(), "x-access-token", Optional.empty(), Optional.empty());
            try (GitWorkspace workspace = new GitWorkspace(source, temp.resolve("ws"))) {
                Path dir = workspace.checkout(workspace.fetch());
                assertThat(dir.resolve("switchboard.yaml")).exists();
                assertThat(dir.toString()).contains(commit.name());
            }
        }
    }

    @Test
    void aFailedFetchNamesTheRemoteWithoutCredentialsAndKeepsTheLastCheckout() throws Exception {
        try (Git origin = Git.init().setInitialBranch("main").setDirectory(temp.resolve("origin").toFile()).call();
             GitWorkspace workspace = new GitWorkspace(GitSource.local(temp.resolve("origin").toString(), "main"),
                     temp.resolve("ws"))) {
            RevCommit first = commit(origin, "switchboard.yaml", "one", "first");
            Path dir = workspace.checkout(workspace.fetch());
            origin.getRepository().close();
            org.eclipse.jgit.util.FileUtils.delete(temp.resolve("origin").toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);

            assertThatThrownBy(workspace::fetch).isInstanceOf(GitException.class)
                    .hasMessageContaining("cannot fetch branch main from " + temp.resolve("origin"));
            assertThat(Files.readString(dir.resolve("switchboard.yaml"))).isEqualTo("one");
            assertThat(workspace.checkout(first.name())).isEqualTo(dir);
        }
    }

    @Test
    void aMissingBranchIsNamed() throws Exception {
        try (Git origin = Git.init().setInitialBranch("main").setDirectory(temp.resolve("origin").toFile()).call();
             GitWorkspace workspace = new GitWorkspace(GitSource.local(temp.resolve("origin").toString(), "release"),
                     temp.resolve("ws"))) {
            commit(origin, "switchboard.yaml", "one", "first");
            assertThatThrownBy(workspace::fetch).isInstanceOf(GitException.class).hasMessageContaining("release");
        }
    }

    @Test
    void neverShowsATokenOrUserInformationOfTheUrl() {
        GitSource source = new GitSource("https://bot:ghp_secretToken123@github.example/acme/phones.git", "main",
                Optional.empty(), Optional.of("ghp_secretToken123"), "x-access-token", Optional.empty(), Optional.empty());
        assertThat(source.displayUrl()).isEqualTo("https://github.example/acme/phones.git");
        assertThat(source.toString()).doesNotContain("ghp_secretToken123").doesNotContain("bot");
    }
}
