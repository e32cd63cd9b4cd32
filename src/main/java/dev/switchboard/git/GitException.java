package dev.switchboard.git;

/** A fetch or checkout that failed; its message names the remote without credentials. */
public class GitException extends RuntimeException {

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
