package dev.switchboard.systems.xci;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The 26 calls of the XCI REST API 1.0, exactly as the document lists them, relative to the server's
 * root URL. Raw responses: {@link XciClient} runs each through the retries, re-login and error naming of
 * {@link dev.switchboard.provider.ApiCaller}.
 */
@Path("/api/1.0")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface XciApi {

    @POST
    @Path("/login")
    CompletionStage<Response> login(JsonNode credentials);

    @GET
    @Path("/xivo")
    CompletionStage<Response> listXivos();

    @GET
    @Path("/xivo/{id}")
    CompletionStage<Response> getXivo(@PathParam("id") long id);

    @POST
    @Path("/xivo")
    CompletionStage<Response> createXivo(JsonNode xivo);

    @GET
    @Path("/xivo/synchronize_config_files")
    CompletionStage<Response> synchronizeConfigFiles();

    @GET
    @Path("/entities")
    CompletionStage<Response> listEntities();

    @GET
    @Path("/entities/{combinedId}")
    CompletionStage<Response> getEntity(@PathParam("combinedId") String combinedId);

    @POST
    @Path("/entities")
    CompletionStage<Response> createEntity(JsonNode entity);

    @PUT
    @Path("/entities/{combinedId}")
    CompletionStage<Response> updateEntity(@PathParam("combinedId") String combinedId, JsonNode entity);

    @DELETE
    @Path("/entities/{combinedId}")
    CompletionStage<Response> deleteEntity(@PathParam("combinedId") String combinedId);

    @GET
    @Path("/entities/{combinedId}/users")
    CompletionStage<Response> listUsersOfEntity(@PathParam("combinedId") String combinedId);

    @GET
    @Path("/entities/{combinedId}/available_numbers")
    CompletionStage<Response> listAvailableNumbers(@PathParam("combinedId") String combinedId);

    @GET
    @Path("/users/{id}")
    CompletionStage<Response> getUser(@PathParam("id") long id);

    @POST
    @Path("/users")
    CompletionStage<Response> createUser(JsonNode user);

    @PUT
    @Path("/users/{id}")
    CompletionStage<Response> updateUser(@PathParam("id") long id, JsonNode user);

    @DELETE
    @Path("/users/{id}")
    CompletionStage<Response> deleteUser(@PathParam("id") long id);

    @GET
    @Path("/templates")
    CompletionStage<Response> listTemplates();

    @GET
    @Path("/templates/{id}")
    CompletionStage<Response> getTemplate(@PathParam("id") long id);

    @POST
    @Path("/templates")
    CompletionStage<Response> createTemplate(JsonNode template);

    @PUT
    @Path("/templates/{id}")
    CompletionStage<Response> updateTemplate(@PathParam("id") long id, JsonNode template);

    @DELETE
    @Path("/templates/{id}")
    CompletionStage<Response> deleteTemplate(@PathParam("id") long id);

    @GET
    @Path("/administrators")
    CompletionStage<Response> listAdministrators();

    @GET
    @Path("/administrators/{id}")
    CompletionStage<Response> getAdministrator(@PathParam("id") long id);

    @POST
    @Path("/administrators")
    CompletionStage<Response> createAdministrator(JsonNode administrator);

    @PUT
    @Path("/administrators/{id}")
    CompletionStage<Response> updateAdministrator(@PathParam("id") long id, JsonNode administrator);

    @DELETE
    @Path("/administrators/{id}")
    CompletionStage<Response> deleteAdministrator(@PathParam("id") long id);
}
