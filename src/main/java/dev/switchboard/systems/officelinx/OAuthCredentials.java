package dev.switchboard.systems.officelinx;

/**
 * What the password grant sends: the registered client application and the Officelinx administrator
 * it is authorised for, and the scope (the document says to hard-code {@code http://localhost/}).
 * Prints no secret.
 */
record OAuthCredentials(String clientId, String clientSecret, String username, String password, String scope) {

    static final String DOCUMENTED_SCOPE = "http://localhost/";

    @Override
    public String toString() {
        return "OAuthCredentials[clientId=" + clientId + ", username=" + username + ", scope=" + scope + "]";
    }
}
