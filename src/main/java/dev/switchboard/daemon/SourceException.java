package dev.switchboard.daemon;

/** The desired state could not be fetched; the daemon keeps its last good revision and retries. */
public class SourceException extends RuntimeException {

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
