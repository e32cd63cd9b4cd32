package dev.switchboard.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** The commit a local working directory is at, when it lies inside a Git repository. */
public final class LocalHead {

    private LocalHead() {
    }

    /** The HEAD commit of the repository holding {@code dir}; empty when there is none or it has no commit yet. */
    public static Optional<String> of(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve("HEAD");
            return Optional.ofNullable(head).map(ObjectId::name);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
