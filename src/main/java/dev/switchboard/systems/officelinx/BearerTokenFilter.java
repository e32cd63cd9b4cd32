package dev.switchboard.systems.officelinx;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds {@code Authorization: Bearer <token>} to every API call. It only reads the token at hand:
 * obtaining one is done before the call, so that a refused login surfaces as the login's own error
 * instead of as a broken connection.
 */
final class BearerTokenFilter implements ClientRequestFilter {

    private final TokenManager tokens;

    BearerTokenFilter(TokenManager tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ClientRequestContext request) {
        tokens.accessToken().ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
