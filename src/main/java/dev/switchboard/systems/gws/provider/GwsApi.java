package dev.switchboard.systems.gws.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The GWS 8.5 API v2 calls Switchboard makes, relative to the server's root URL (the document's
 * {@code http://000.111.222.333}, or a root with a context path such as {@code .../cloud-web}). The voice
 * channel operation ({@code POST /me/channels/voice}) is operational, not configuration, and is absent
 * on purpose. Raw responses: {@link GwsClient} reads their {@code statusCode}.
 */
@Path("/api/v2")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface GwsApi {

    /** Needs no authentication. */
    @GET
    @Path("/diagnostics/version")
    CompletionStage<Response> version();

    @GET
    @Path("/me")
    CompletionStage<Response> me();

    /**
     * @param fields   {@code *} for whole users; without it the answer holds only their URIs
     * @param userName a comma-separated list of user names to look for, or null for everyone
     */
    @GET
    @Path("/users")
    CompletionStage<Response> listUsers(@QueryParam("fields") String fields, @QueryParam("userName") String userName);

    @GET
    @Path("/users/{id}")
    CompletionStage<Response> getUser(@PathParam("id") String id);

    @POST
    @Path("/users")
    CompletionStage<Response> createUser(JsonNode user);

    /** Update as the users-API attribute table gives it. */
    @PUT
    @Path("/users/{id}")
    CompletionStage<Response> updateUserWithPut(@PathParam("id") String id, JsonNode user);

    /** Update as the UsersAPI page lists it ("POST /users/{id}: updates the user"). */
    @POST
    @Path("/users/{id}")
    CompletionStage<Response> updateUserWithPost(@PathParam("id") String id, JsonNode user);

    @DELETE
    @Path("/users/{id}")
    CompletionStage<Response> deleteUser(@PathParam("id") String id);
}
