package dev.switchboard.systems.sipxconfig.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * The calls of the sipXconfig user REST API (seed 001) that Switchboard makes, relative to the server's root
 * URL, each authenticated as the user it acts on ({@code Authorization: Basic ...}). Raw responses:
 * {@link SipxconfigClient} runs each through the retries and error naming of
 * {@link dev.switchboard.provider.ApiCaller}.
 */
@Path("/sipxconfig/rest/my")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface SipxconfigApi {

    String AUTHORIZATION = "Authorization";

    @GET
    @Path("/callfwd")
    CompletionStage<Response> getCallForwarding(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/callfwd")
    CompletionStage<Response> putCallForwarding(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/vmprefs")
    CompletionStage<Response> getVoicemailPreferences(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/vmprefs")
    CompletionStage<Response> putVoicemailPreferences(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/voicemail/attendant")
    CompletionStage<Response> getPersonalAttendant(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/voicemail/attendant")
    CompletionStage<Response> putPersonalAttendant(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/contact-information")
    CompletionStage<Response> getContactInformation(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/contact-information")
    CompletionStage<Response> putContactInformation(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/im/prefs")
    CompletionStage<Response> getImPreferences(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/im/prefs")
    CompletionStage<Response> putImPreferences(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/imbot/prefs")
    CompletionStage<Response> getImBotPreferences(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/imbot/prefs")
    CompletionStage<Response> putImBotPreferences(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/speeddial")
    CompletionStage<Response> getSpeedDial(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/speeddial")
    CompletionStage<Response> putSpeedDial(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @PUT
    @Path("/voicemail/pin/{pin}")
    CompletionStage<Response> putVoicemailPin(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("pin") String pin);

    @GET
    @Path("/conferences")
    CompletionStage<Response> listConferences(@HeaderParam(AUTHORIZATION) String authorization);

    @GET
    @Path("/conferences/{name}")
    CompletionStage<Response> getConference(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("name") String name);

    @PUT
    @Path("/conferences/{name}")
    CompletionStage<Response> putConference(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("name") String name,
                           JsonNode setting);

    @GET
    @Path("/pagedphonebook")
    CompletionStage<Response> pagedPhonebook(@HeaderParam(AUTHORIZATION) String authorization, @QueryParam("start") int start,
                            @QueryParam("end") int end);

    @GET
    @Path("/phonebook/entry/{entryId}")
    CompletionStage<Response> getPhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("entryId") String entryId);

    @POST
    @Path("/phonebook/entry/{entryId}")
    CompletionStage<Response> createPhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization,
                                  @PathParam("entryId") String entryId, JsonNode entry);

    @PUT
    @Path("/phonebook/entry/{entryId}")
    CompletionStage<Response> updatePhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization,
                                  @PathParam("entryId") String entryId, JsonNode entry);

    @DELETE
    @Path("/phonebook/entry/{entryId}")
    CompletionStage<Response> deletePhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization,
                                  @PathParam("entryId") String entryId);
}
