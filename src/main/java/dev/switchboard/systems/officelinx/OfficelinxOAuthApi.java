package dev.switchboard.systems.officelinx;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The OAuth2 token endpoint at {@code /UCOAuth2/oauth2/token} (RFC 6749 section 4.3 and 6), form-encoded. */
@Path("/UCOAuth2/oauth2")
@Produces(MediaType.APPLICATION_JSON)
public interface OfficelinxOAuthApi {

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response passwordGrant(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                           @FormParam("client_secret") String clientSecret, @FormParam("username") String username,
                           @FormParam("password") String password, @FormParam("scope") String scope);

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response refreshGrant(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("refresh_token") String refreshToken);
}
