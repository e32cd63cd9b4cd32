package dev.switchboard.provider;

import java.util.Optional;

/**
 * A failed call to a target server, naming everything a person needs to act on it: target, kind,
 * natural key, HTTP method, path, status and the server's own message. Never carries a token,
 * password or other secret.
 */
public class ProviderException extends RuntimeException {

    private final String target;
    private final Optional<String> object;
    private final String method;
    private final String path;
    private final int status;
    private final boolean outcomeUnknown;

    /**
     * @param object         the kind and natural key concerned ({@code mailbox Acme/1001}), if any
     * @param status         the HTTP status, or 0 when no response came
     * @param serverMessage  what the server said, or what went wrong on the way
     * @param outcomeUnknown true when the server may have carried the request out all the same
     */
    public ProviderException(String target, Optional<String> object, String method, String path, int status,
                             String serverMessage, boolean outcomeUnknown, Throwable cause) {
        super(describe(target, object, method, path, status, serverMessage), cause);
        this.target = target;
        this.object = object;
        this.method = method;
        this.path = path;
        this.status = status;
        this.outcomeUnknown = outcomeUnknown;
    }

    private static String describe(String target, Optional<String> object, String method, String path,
                                   int status, String serverMessage) {
        return "target " + target + object.map(o -> ", " + o).orElse("") + ": " + method + " " + path + " -> "
                + (status == 0 ? "no response" : "HTTP " + status) + ": " + serverMessage;
    }

    public String target() {
        return target;
    }

    public Optional<String> object() {
        return object;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }

    /** True when the request may have been carried out although no answer said so. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
