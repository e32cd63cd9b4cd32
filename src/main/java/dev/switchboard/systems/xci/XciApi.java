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
    Response login(JsonNode credentials);

    @GET
    @Path("/xivo")
    Response listXivos();

    @GET
    @Path("/xivo/{id}")
    Response getXivo(@PathParam("id") long id);

    @POST
    @Path("/xivo")
    Response createXivo(JsonNode xivo);

    @GET
    @Path("/xivo/synchronize_config_files")
    Response synchronizeConfigFiles();

    @GET
    @Path("/entities")
    Response listEntities();

    @GET
    @Path("/entities/{combinedId}")
    Response getEntity(@PathParam("combinedId") String combinedId);

    @POST
    @Path("/entities")
    Response createEntity(JsonNode entity);

    @PUT
    @Path("/entities/{combinedId}")
    Response updateEntity(@PathParam("combinedId") String combinedId, JsonNode entity);

    @DELETE
    @Path("/entities/{combinedId}")
    Response deleteEntity(@PathParam("combinedId") String combinedId);

    @GET
    @Path("/entities/{combinedId}/users")
    Response listUsersOfEntity(@PathParam("combinedId") String combinedId);

    @GET
    @Path("/entities/{combinedId}/available_numbers")
    Response listAvailableNumbers(@PathParam("combinedId") String combinedId);

    @GET
    @Path("/users/{id}")
    Response getUser(@PathParam("id") long id);

    @POST
    @Path("/users")
    Response createUser(JsonNode user);

    @PUT
    @Path("/users/{id}")
    Response updateUser(@PathParam("id") long id, JsonNode user);

    @DELETE
    @Path("/users/{id}")
    Response deleteUser(@PathParam("id") long id);

    @GET
    @Path("/templates")
    Response listTemplates();

    @GET
    @Path("/templates/{id}")
    Response getTemplate(@PathParam("id") long id);

    @POST
    @Path("/templates")
    Response createTemplate(JsonNode template);

    @PUT
    @Path("/templates/{id}")
    Response updateTemplate(@PathParam("id") long id, JsonNode template);

    @DELETE
    @Path("/templates/{id}")
    Response deleteTemplate(@PathParam("id") long id);

    @GET
    @Path("/administrators")
    Response listAdministrators();

    @GET
    @Path("/administrators/{id}")
    Response getAdministrator(@PathParam("id") long id);

    @POST
    @Path("/administrators")
    Response createAdministrator(JsonNode administrator);

    @PUT
    @Path("/administrators/{id}")
    Response updateAdministrator(@PathParam("id") long id, JsonNode administrator);

    @DELETE
    @Path("/administrators/{id}")
    Response deleteAdministrator(@PathParam("id") long id);
}
