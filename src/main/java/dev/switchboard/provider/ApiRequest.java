package dev.switchboard.provider;

import java.util.Optional;

/**
 * What a provider is about to call, for retries, metrics and error messages.
 *
 * @param method        the HTTP method
 * @param path          the path and query as sent (no credentials ever appear in paths)
 * @param object        the kind and natural key concerned, such as {@code mailbox Acme/1001}
 * @param notFoundIsOk  a 404 is an answer, not an error (a list the document says answers 404 when
 *                      empty; a GET that checks whether an object exists)
 * @param changesNothing the call changes nothing on the server whatever its method (a login, an OAuth2
 *                      token grant): it is retried as a read is, even when its answer was lost
 * @param redirectIsOk  a 3xx is an answer, not an error (a login a server answers with 303 See Other and
 *                      the session cookie)
 */
public record ApiRequest(String method, String path, Optional<String> object, boolean notFoundIsOk,
                         boolean changesNothing, boolean redirectIsOk) {

    public ApiRequest(String method, String path, Optional<String> object, boolean notFoundIsOk) {
        this(method, path, object, notFoundIsOk, false, false);
    }

    public ApiRequest(String method, String path, Optional<String> object, boolean notFoundIsOk,
                      boolean changesNothing) {
        this(method, path, object, notFoundIsOk, changesNothing, false);
    }

    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, Optional.empty(), false, false, false);
    }

    public ApiRequest about(Object kindAndKey) {
        return new ApiRequest(method, path, Optional.of(String.valueOf(kindAndKey)), notFoundIsOk, changesNothing,
                redirectIsOk);
    }

    public ApiRequest allowingNotFound() {
        return new ApiRequest(method, path, object, true, changesNothing, redirectIsOk);
    }

    /** This request marked as changing nothing on the server: a login or token call, safe to repeat. */
    public ApiRequest changingNothing() {
        return new ApiRequest(method, path, object, notFoundIsOk, true, redirectIsOk);
    }

    /** This request with a 3xx answer returned as an answer, not followed and not an error. */
    public ApiRequest acceptingRedirects() {
        return new ApiRequest(method, path, object, notFoundIsOk, changesNothing, true);
    }

    /** The method retries are decided by: GET for a call that changes nothing. */
    public String retryMethod() {
        return changesNothing ? "GET" : method;
    }
}
