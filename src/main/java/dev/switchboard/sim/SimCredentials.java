package dev.switchboard.sim;

import java.time.Duration;

/**
 * What the simulators accept (SPEC section 7): by default login {@code admin} / {@code admin}, and the
 * Officelinx OAuth2 client {@code switchboard} / {@code switchboard}.
 *
 * @param sessionLifetime how long an OAuth2 access token or an XCI session cookie stays valid
 */
public record SimCredentials(String login, String password, String clientId, String clientSecret,
                             Duration sessionLifetime) {

    public static final SimCredentials DEFAULT =
            new SimCredentials("admin", "admin", "switchboard", "switchboard", Duration.ofHours(1));

    public SimCredentials withSessionLifetime(Duration lifetime) {
        return new SimCredentials(login, password, clientId, clientSecret, lifetime);
    }
}
