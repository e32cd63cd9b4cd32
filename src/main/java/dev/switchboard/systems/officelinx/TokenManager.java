package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The OAuth2 access token every API call of one provider carries, as the document's sample manages
 * it: obtained once with the password grant, kept until shortly before it expires, then renewed with
 * the refresh token, or with the password grant again when the refresh is refused. Concurrent callers
 * share one renewal. Tokens and passwords never reach a log line or an exception message.
 */
final class TokenManager {

    private static final Logger LOG = Logger.getLogger(TokenManager.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_PATH = "/UCOAuth2/oauth2/token";
    /** The sample renews 5 s early; short-lived tokens are renewed at 90% of their life instead. */
    private static final Duration MAX_EARLY_RENEWAL = Duration.ofSeconds(5);

    private record Token(String accessToken, Optional<String> refreshToken, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }

    private final String target;
    private final OfficelinxOAuthApi oauth;
    private final ApiCaller caller;
    private final OAuthCredentials credentials;
    private final Clock clock;
    private volatile Optional<Token> current = Optional.empty();

    TokenManager(String target, OfficelinxOAuthApi oauth, ApiCaller caller, OAuthCredentials credentials, Clock clock) {
        this.target = target;
        this.oauth = oauth;
        this.caller = caller;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Makes sure a token that is not about to expire is at hand, obtaining or renewing it if not. */
    void ensureFresh() {
        if (isFresh(current)) {
            return;
        }
        synchronized (this) {
            if (!isFresh(current)) {
                current = Optional.of(renew(current));
            }
        }
    }

    /** The token for the {@code Authorization} header: whatever {@link #ensureFresh} last made sure of. */
    Optional<String> accessToken() {
        return current.map(Token::accessToken);
    }

    /**
     * After a 401: renews the token unless another caller already did since this one's token was
     * refused. Returns false when no new token could be had.
     */
    boolean reauthenticate() {
        Optional<Token> refused = current;
        synchronized (this) {
            if (current != refused) {
                return true;
            }
            try {
                current = Optional.of(renew(refused));
                return true;
            } catch (ProviderException cannot) {
                LOG.debugf("re-authentication failed: %s", cannot.getMessage());
                return false;
            }
        }
    }

    private boolean isFresh(Optional<Token> token) {
        return token.isPresent() && clock.instant().isBefore(token.get().renewAt());
    }

    private Token renew(Optional<Token> previous) {
        Optional<String> refreshToken = previous.flatMap(Token::refreshToken);
        if (refreshToken.isPresent()) {
            try {
                return grant("refresh_token", () -> oauth.refreshGrant("refresh_token", credentials.clientId(),
                        credentials.clientSecret(), refreshToken.get()));
            } catch (ProviderException refused) {
                LOG.debugf("refreshing the token failed, using the password grant: %s", refused.getMessage());
            }
        }
        return grant("password", () -> oauth.passwordGrant("password", credentials.clientId(),
                credentials.clientSecret(), credentials.username(), credentials.password(), credentials.scope()));
    }

    private Token grant(String grantType, java.util.function.Supplier<Response> send) {
        ApiRequest request = ApiRequest.of("POST", TOKEN_PATH).about("OAuth2 " + grantType + " grant").changingNothing();
        Instant asked = clock.instant();
        Response response = caller.call(request, send);
        JsonNode body;
        try {
            body = JSON.readTree(response.readEntity(String.class));
        } catch (IOException | RuntimeException unreadable) {
            throw new ProviderException(target, request.object(), "POST", TOKEN_PATH, response.getStatus(),
                    "the token endpoint's answer is not JSON", false, null);
        }
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new ProviderException(target, request.object(), "POST", TOKEN_PATH, response.getStatus(),
                    "the token endpoint's answer has no access_token", false, null);
        }
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(60));
        Duration early = lifetime.dividedBy(10).compareTo(MAX_EARLY_RENEWAL) < 0 ? lifetime.dividedBy(10) : MAX_EARLY_RENEWAL;
        Optional<String> refreshToken = Optional.of(body.path("refresh_token").asText("")).filter(t -> !t.isEmpty());
        return new Token(accessToken, refreshToken, asked.plus(lifetime).minus(early));
    }
}
