package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
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
    /** Where the document's sample asks for tokens: site {@code /UCOAuth2/} joined with {@code oauth2/token}. */
    static final String DOCUMENTED_TOKEN_PATH = "/UCOAuth2/oauth2/token";
    /** Where a server that joins the site with a bare {@code token} answers, tried when the documented path is 404. */
    static final String SHORT_TOKEN_PATH = "/UCOAuth2/token";
    /** The sample renews 5 s early; short-lived tokens are renewed at 90% of their life instead. */
    private static final Duration MAX_EARLY_RENEWAL = Duration.ofSeconds(5);

    private record Token(String accessToken, Optional<String> refreshToken, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[renewAt=" + renewAt + "]";
        }
    }

    /** A token endpoint's path and the client built on its URL, built when first asked for. */
    static final class TokenEndpoint {
        private final String path;
        private final java.util.function.Supplier<OfficelinxOAuthApi> build;
        private OfficelinxOAuthApi api;

        TokenEndpoint(String path, java.util.function.Supplier<OfficelinxOAuthApi> build) {
            this.path = path;
            this.build = build;
        }

        String path() {
            return path;
        }

        synchronized OfficelinxOAuthApi api() {
            if (api == null) {
                api = build.get();
            }
            return api;
        }
    }

    private final String target;
    private final List<TokenEndpoint> endpoints;
    private final boolean tokenPathSet;
    private final ApiCaller caller;
    private final OAuthCredentials credentials;
    private final Clock clock;
    private volatile Optional<Token> current = Optional.empty();
    private volatile int endpointInUse;
    private volatile boolean clientByBasic;

    /**
     * @param endpoints    where to ask for tokens, in order: the first that does not answer 404 is kept
     * @param tokenPathSet the target named its token endpoint ({@code tokenPath}): a 404 there is an error
     *                     pointing at that setting, no other path is tried
     */
    TokenManager(String target, List<TokenEndpoint> endpoints, boolean tokenPathSet, ApiCaller caller,
                 OAuthCredentials credentials, Clock clock) {
        this.target = target;
        this.endpoints = List.copyOf(endpoints);
        this.tokenPathSet = tokenPathSet;
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

    /** Whether {@link #ensureFresh} would return at once, without asking the server for a token. */
    boolean isFresh() {
        return isFresh(current);
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
                return grant("refresh_token", (endpoint, basic) -> endpoint.api().refreshGrant(basic.orElse(null),
                        "refresh_token", basic.isPresent() ? null : credentials.clientId(),
                        basic.isPresent() ? null : credentials.clientSecret(), refreshToken.get()));
            } catch (ProviderException refused) {
                LOG.debugf("refreshing the token failed, using the password grant: %s", refused.getMessage());
            }
        }
        return grant("password", (endpoint, basic) -> endpoint.api().passwordGrant(basic.orElse(null), "password",
                basic.isPresent() ? null : credentials.clientId(), basic.isPresent() ? null : credentials.clientSecret(),
                credentials.username(), credentials.password(), credentials.scope()));
    }

    /** One token request, given the endpoint and, when the client authenticates by HTTP Basic, its header. */
    @FunctionalInterface
    private interface TokenRequest {
        CompletionStage<Response> send(TokenEndpoint endpoint, Optional<String> basicAuthorization);
    }

    /**
     * Asks the endpoint that answered last (the document's path first) and, while none has answered and
     * the target did not name one, the next on 404. The client authenticates in the body as the sample
     * does; a server that refuses it ({@code invalid_client}) is asked again with HTTP Basic, and that is
     * kept for the provider's life.
     */
    private Token grant(String grantType, TokenRequest send) {
        ProviderException notFound = null;
        for (int i = endpointInUse; i < endpoints.size(); i++) {
            TokenEndpoint endpoint = endpoints.get(i);
            try {
                Token token = grant(grantType, endpoint, send);
                endpointInUse = i;
                return token;
            } catch (ProviderException failed) {
                if (failed.status() != 404 || tokenPathSet) {
                    throw failed.status() == 404 ? pointAtSetting(failed, endpoint) : failed;
                }
                notFound = failed;
            }
        }
        throw pointAtSetting(notFound, endpoints.get(endpoints.size() - 1));
    }

    private ProviderException pointAtSetting(ProviderException notFound, TokenEndpoint last) {
        String tried = String.join(", ", endpoints.stream().map(TokenEndpoint::path).toList());
        return new ProviderException(target, notFound.object(), "POST", last.path(), 404,
                "no OAuth2 token endpoint at " + tried + ": set tokenPath on the target to the path of the server's "
                        + "token endpoint (the document's sample joins https://server/UCOAuth2/ and oauth2/token)", false, null);
    }

    private Token grant(String grantType, TokenEndpoint endpoint, TokenRequest send) {
        ApiRequest request = ApiRequest.of("POST", endpoint.path()).about("OAuth2 " + grantType + " grant").changingNothing();
        Instant asked = clock.instant();
        Response answer;
        try {
            answer = caller.call(request, () -> send.send(endpoint, basicAuthorization()));
        } catch (ProviderException refused) {
            if (clientByBasic || !refusedClient(refused)) {
                throw refused;
            }
            LOG.debugf("target %s: the token endpoint refused the client in the body; authenticating it by HTTP Basic", target);
            clientByBasic = true;
            answer = caller.call(request, () -> send.send(endpoint, basicAuthorization()));
        }
        Response response = answer;
        Map<String, String> body = tokenAnswer(response).orElseThrow(() -> new ProviderException(target, request.object(),
                "POST", endpoint.path(), response.getStatus(), "the token endpoint's answer is neither JSON nor form-encoded",
                false, null));
        String accessToken = body.getOrDefault("access_token", "");
        if (accessToken.isEmpty()) {
            throw new ProviderException(target, request.object(), "POST", endpoint.path(), response.getStatus(),
                    "the token endpoint's answer has no access_token", false, null);
        }
        long seconds;
        try {
            seconds = Long.parseLong(body.getOrDefault("expires_in", "60").trim());
        } catch (NumberFormatException notANumber) {
            seconds = 60;
        }
        Duration lifetime = Duration.ofSeconds(seconds);
        Duration early = lifetime.dividedBy(10).compareTo(MAX_EARLY_RENEWAL) < 0 ? lifetime.dividedBy(10) : MAX_EARLY_RENEWAL;
        Optional<String> refreshToken = Optional.ofNullable(body.get("refresh_token")).filter(t -> !t.isEmpty());
        return new Token(accessToken, refreshToken, asked.plus(lifetime).minus(early));
    }

    private Optional<String> basicAuthorization() {
        if (!clientByBasic) {
            return Optional.empty();
        }
        String pair = URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(credentials.clientSecret(), StandardCharsets.UTF_8);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean refusedClient(ProviderException refused) {
        return (refused.status() == 400 || refused.status() == 401) && refused.getMessage().contains("invalid_client");
    }

    /**
     * The token answer's fields: JSON, as RFC 6749 says, or form-encoded, which the document's sample
     * also reads ({@code parse_qs}).
     */
    static Optional<Map<String, String>> tokenAnswer(Response response) {
        String text;
        try {
            text = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(text);
            if (json != null && json.isObject()) {
                Map<String, String> fields = new HashMap<>();
                json.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
                return Optional.of(fields);
            }
        } catch (IOException notJson) {
            // read as a form below
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.trim().split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return Optional.of(fields);
    }
}
