package dev.switchboard.git;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the daemon's desired state lives in Git, and how to authenticate.
 *
 * @param url            https or ssh URL, a local path, or a {@code file://} URL
 * @param branch         the branch to follow
 * @param subPath        the directory inside the repository that holds {@code switchboard.yaml}
 * @param token          an access token for https (GitHub, GitLab); never printed
 * @param tokenUsername  the user name sent with the token ({@code x-access-token} suits GitHub,
 *                       {@code oauth2} GitLab)
 * @param sshKeyFile     a private key for ssh URLs
 * @param knownHostsFile the ssh known_hosts to verify servers against (default: ~/.ssh/known_hosts)
 */
public record GitSource(String url, String branch, Optional<String> subPath, Optional<String> token,
                        String tokenUsername, Optional<Path> sshKeyFile, Optional<Path> knownHostsFile) {

    public static GitSource local(String url, String branch) {
        return new GitSource(url, branch, Optional.empty(), Optional.empty(), "x-access-token", Optional.empty(),
                Optional.empty());
    }

    /** The URL with any user information removed, for messages and status pages. */
    public String displayUrl() {
        return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
    }

    @Override
    public String toString() {
        return "GitSource[" + displayUrl() + " branch " + branch + subPath.map(p -> " path " + p).orElse("") + "]";
    }
}
