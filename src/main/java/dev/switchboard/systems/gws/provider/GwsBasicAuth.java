package dev.switchboard.systems.gws.provider;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP Basic credentials on every request but the version call, which the document says needs none.
 * An empty password is allowed ({@code -u ksippo:} in the document). Never printed.
 */
final class GwsBasicAuth implements ClientRequestFilter {

    private final String header;

    GwsBasicAuth(String username, String password) {
        this.header = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getUri().getPath().endsWith("/diagnostics/version")) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
        }
    }

    @Override
    public String toString() {
        return "GwsBasicAuth[(sensitive)]";
    }
}
