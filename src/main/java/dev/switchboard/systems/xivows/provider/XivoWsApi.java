package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;

/**
 * The two {@code json.php} front doors of a XiVO, relative to its root URL: reads as GET, add and edit as POST
 * with a JSON body (as the {@code xivo-ws} client sends them). {@code group/module} is the document's
 * {@code manage/entity}, {@code pbx_settings/lines}, ...; a null query parameter is left out.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface XivoWsApi {

    @GET
    @Path("/xivo/configuration/json.php/restricted/{group}/{module}/")
    CompletionStage<Response> configuration(@PathParam("group") String group, @PathParam("module") String module,
                           @QueryParam("act") String act, @QueryParam("id") String id,
                           @QueryParam("search") String search, @QueryParam("sum") String sum);

    @POST
    @Path("/xivo/configuration/json.php/restricted/{group}/{module}/")
    CompletionStage<Response> writeConfiguration(@PathParam("group") String group, @PathParam("module") String module,
                                @QueryParam("act") String act, @QueryParam("id") String id, JsonNode body);

    @GET
    @Path("/service/ipbx/json.php/restricted/{group}/{module}/")
    CompletionStage<Response> ipbx(@PathParam("group") String group, @PathParam("module") String module,
                  @QueryParam("act") String act, @QueryParam("id") String id, @QueryParam("search") String search,
                  @QueryParam("context") String context, @QueryParam("obj") String obj,
                  @QueryParam("number") String number, @QueryParam("sum") String sum);

    @POST
    @Path("/service/ipbx/json.php/restricted/{group}/{module}/")
    CompletionStage<Response> writeIpbx(@PathParam("group") String group, @PathParam("module") String module,
                       @QueryParam("act") String act, @QueryParam("id") String id, JsonNode body);
}
