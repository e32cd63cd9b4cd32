package dev.switchboard.systems.xci;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * The session cookie XCI set at login, added to every request; and the {@code Content-Type:
 * application/json} the document's general form puts on every call, GETs included.
 *
 * <p>Each new cookie bumps a generation number, so that calls that failed with 401 under an old
 * cookie can tell whether another thread already logged in again. Safe for concurrent use. The cookie
 * is never printed.
 */
final class XciSession implements ClientRequestFilter {

    /** The cookie and how many logins produced cookies before it. */
    record State(Optional<String> cookie, long generation) {
    }

    private volatile State state = new State(Optional.empty(), 0);

    State state() {
        return state;
    }

    /** Replaces the cookie by the one a login just returned ({@code name=value; name2=value2}). */
    synchronized void renew(String cookie) {
        state = new State(Optional.of(cookie), state.generation() + 1);
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        state.cookie().ifPresent(cookie -> request.getHeaders().putSingle(HttpHeaders.COOKIE, cookie));
    }

    @Override
    public String toString() {
        return "XciSession[generation " + state.generation() + "]";
    }
}
