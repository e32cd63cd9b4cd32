package dev.switchboard.systems.officelinx;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The OAuth2 token endpoint (RFC 6749 section 4.3 and 6), form-encoded. It has no path of its own: the
 * client is built on the endpoint's whole URL, {@code /UCOAuth2/oauth2/token} unless the target's
 * {@code tokenPath} says otherwise. The client authenticates in the body (client_id, client_secret, as
 * the document's sample does) or, with a null id and secret, by the {@code Authorization: Basic} given.
 */
@Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN})
public interface OfficelinxOAuthApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    CompletionStage<Response> passwordGrant(@HeaderParam("Authorization") String basicAuthorization,
                           @FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                           @FormParam("client_secret") String clientSecret, @FormParam("username") String username,
                           @FormParam("password") String password, @FormParam("scope") String scope);

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    CompletionStage<Response> refreshGrant(@HeaderParam("Authorization") String basicAuthorization,
                          @FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("refresh_token") String refreshToken);
}
