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
 */
public record ApiRequest(String method, String path, Optional<String> object, boolean notFoundIsOk) {

    public static ApiRequest of(String method, String path) {
        return new ApiRequest(method, path, Optional.empty(), false);
    }

    public ApiRequest about(Object kindAndKey) {
        return new ApiRequest(method, path, Optional.of(String.valueOf(kindAndKey)), notFoundIsOk);
    }

    public ApiRequest allowingNotFound() {
        return new ApiRequest(method, path, object, true);
    }
}
