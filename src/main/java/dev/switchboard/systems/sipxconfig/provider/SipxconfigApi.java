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
    Response getCallForwarding(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/callfwd")
    Response putCallForwarding(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/vmprefs")
    Response getVoicemailPreferences(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/vmprefs")
    Response putVoicemailPreferences(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/voicemail/attendant")
    Response getPersonalAttendant(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/voicemail/attendant")
    Response putPersonalAttendant(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/contact-information")
    Response getContactInformation(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/contact-information")
    Response putContactInformation(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/im/prefs")
    Response getImPreferences(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/im/prefs")
    Response putImPreferences(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/imbot/prefs")
    Response getImBotPreferences(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/imbot/prefs")
    Response putImBotPreferences(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @GET
    @Path("/speeddial")
    Response getSpeedDial(@HeaderParam(AUTHORIZATION) String authorization);

    @PUT
    @Path("/speeddial")
    Response putSpeedDial(@HeaderParam(AUTHORIZATION) String authorization, JsonNode body);

    @PUT
    @Path("/voicemail/pin/{pin}")
    Response putVoicemailPin(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("pin") String pin);

    @GET
    @Path("/conferences")
    Response listConferences(@HeaderParam(AUTHORIZATION) String authorization);

    @GET
    @Path("/conferences/{name}")
    Response getConference(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("name") String name);

    @PUT
    @Path("/conferences/{name}")
    Response putConference(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("name") String name,
                           JsonNode setting);

    @GET
    @Path("/pagedphonebook")
    Response pagedPhonebook(@HeaderParam(AUTHORIZATION) String authorization, @QueryParam("start") int start,
                            @QueryParam("end") int end);

    @GET
    @Path("/phonebook/entry/{entryId}")
    Response getPhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization, @PathParam("entryId") String entryId);

    @POST
    @Path("/phonebook/entry/{entryId}")
    Response createPhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization,
                                  @PathParam("entryId") String entryId, JsonNode entry);

    @PUT
    @Path("/phonebook/entry/{entryId}")
    Response updatePhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization,
                                  @PathParam("entryId") String entryId, JsonNode entry);

    @DELETE
    @Path("/phonebook/entry/{entryId}")
    Response deletePhonebookEntry(@HeaderParam(AUTHORIZATION) String authorization,
                                  @PathParam("entryId") String entryId);
}
