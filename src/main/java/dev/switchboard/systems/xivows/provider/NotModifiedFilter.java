package dev.switchboard.systems.xivows.provider;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Turns a 304 ("the {@code sum} you sent is still the md5 of the answer") into a 200 marked with
 * {@link #HEADER}, so that the shared {@code ApiCaller}, which takes only 2xx as success, hands it back and the
 * client answers from its cache.
 */
final class NotModifiedFilter implements ClientResponseFilter {

    static final String HEADER = "X-Switchboard-Not-Modified";

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == 304) {
            response.setStatus(200);
            response.getHeaders().putSingle(HEADER, "true");
        }
    }
}
