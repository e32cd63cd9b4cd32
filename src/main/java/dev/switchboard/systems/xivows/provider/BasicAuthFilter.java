package dev.switchboard.systems.xivows.provider;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Sends the target's login and password as HTTP Basic on every call; never shows them. */
final class BasicAuthFilter implements ClientRequestFilter {

    private final String header;

    BasicAuthFilter(String login, String password) {
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
    }

    @Override
    public String toString() {
        return "BasicAuthFilter[(sensitive)]";
    }
}
