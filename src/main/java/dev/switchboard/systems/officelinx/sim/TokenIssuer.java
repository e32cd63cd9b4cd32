package dev.switchboard.systems.officelinx.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth2 server at {@code /UCOAuth2/oauth2/token} (RFC 6749): the password grant and the refresh
 * grant for the one registered client, access tokens that expire after the configured lifetime, and
 * refresh tokens that are replaced each time they are used. Tokens live in memory only, as a
 * restarted server's would not survive either.
 */
final class TokenIssuer {

    static final String DEFAULT_SCOPE = "http://localhost/";

    private final SimCredentials credentials;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    // Concurrent maps: a token is checked on every call, by many threads at once, without the lock that
    // issuing and revoking take.
    private final Map<String, Instant> accessTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean basicOnly;

    TokenIssuer(SimCredentials credentials, Clock clock) {
        this(credentials, clock, false);
    }

    /** @param basicOnly the client authenticates by HTTP Basic only; client_id and client_secret in the body are ignored */
    TokenIssuer(SimCredentials credentials, Clock clock, boolean basicOnly) {
        this.credentials = credentials;
        this.clock = clock;
        this.basicOnly = basicOnly;
    }

    /** The answer to a token request: a status and an RFC 6749 body. */
    record Answer(int status, ObjectNode body) {
    }

    synchronized Answer grant(Map<String, String> form, Optional<String> basicAuthorization) {
        String clientId = basicOnly ? "" : form.getOrDefault("client_id", "");
        String clientSecret = basicOnly ? "" : form.getOrDefault("client_secret", "");
        if (basicAuthorization.isPresent() && basicAuthorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(basicAuthorization.get().substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = decoded.substring(0, colon);
                clientSecret = decoded.substring(colon + 1);
            }
        }
        if (!same(clientId, credentials.clientId()) || !same(clientSecret, credentials.clientSecret())) {
            return new Answer(basicOnly ? 401 : 400, JsonNodeFactory.instance.objectNode().put("error", "invalid_client"));
        }
        String scope = form.getOrDefault("scope", DEFAULT_SCOPE);
        switch (form.getOrDefault("grant_type", "")) {
            case "password" -> {
                if (!same(form.getOrDefault("username", ""), credentials.login())
                        || !same(form.getOrDefault("password", ""), credentials.password())) {
                    return error("invalid_grant");
                }
                return issue(scope);
            }
            case "refresh_token" -> {
                String grantedScope = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                return grantedScope == null ? error("invalid_grant") : issue(grantedScope);
            }
            default -> {
                return error("unsupported_grant_type");
            }
        }
    }

    /** Whether {@code Authorization: Bearer ...} carries a token issued here and not yet expired. */
    boolean authorizes(Optional<String> authorization) {
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Instant expiry = accessTokens.get(authorization.get().substring(7).trim());
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** Forgets every token, as a restart of the real server's token store would. */
    synchronized void revokeAll() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    private Answer issue(String scope) {
        Instant now = clock.instant();
        accessTokens.values().removeIf(expiry -> !now.isBefore(expiry));
        String access = randomToken();
        String refresh = randomToken();
        accessTokens.put(access, now.plus(credentials.sessionLifetime()));
        refreshTokens.put(refresh, scope);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("access_token", access)
                .put("token_type", "bearer")
                .put("expires_in", Math.max(1, credentials.sessionLifetime().toSeconds()))
                .put("refresh_token", refresh)
                .put("scope", scope);
        return new Answer(200, body);
    }

    private String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Answer error(String code) {
        return new Answer(400, JsonNodeFactory.instance.objectNode().put("error", code));
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
