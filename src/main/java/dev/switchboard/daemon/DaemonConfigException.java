package dev.switchboard.daemon;

/** The daemon's configuration cannot work; the message says which setting to fix. */
public class DaemonConfigException extends RuntimeException {

    public DaemonConfigException(String message) {
        super(message);
    }
}
