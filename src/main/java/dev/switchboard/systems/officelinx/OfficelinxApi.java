package dev.switchboard.systems.officelinx;

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
 * The Administrative REST API ({@code UCBusinessRestService}) as documented: one list call per
 * resource with the document's own query parameters, and GET, POST, PUT, DELETE by resource name and
 * ID. Every answer is a {@code CompletionStage<Response>} for {@link dev.switchboard.provider.ApiCaller} to
 * judge; the bearer token is added by {@link BearerTokenFilter}. The client is built on the API root
 * ({@code /UCBusinessRest/api} unless the target's {@code apiRoot} says otherwise).
 */
@Produces(MediaType.APPLICATION_JSON)
public interface OfficelinxApi {

    /** GetListOfCompanies: {@code EEAMCompanies?pbxid=}. */
    @GET
    @Path("/EEAMCompanies")
    CompletionStage<Response> listCompanies(@QueryParam("pbxid") long pbxId);

    /** GetListOfDepartmentsInCompany: {@code EEAMDepartments?companyid=}. */
    @GET
    @Path("/EEAMDepartments")
    CompletionStage<Response> listDepartments(@QueryParam("companyid") long companyId);

    /** GetListOfGroupsInCompany: {@code EEAMFGroups?companyid=}. */
    @GET
    @Path("/EEAMFGroups")
    CompletionStage<Response> listFeatureGroups(@QueryParam("companyid") long companyId);

    /** GetListOfMailboxesByPage: {@code EEAMMailboxes?companyid=&page=}, pages counted from 1. */
    @GET
    @Path("/EEAMMailboxes")
    CompletionStage<Response> listMailboxes(@QueryParam("companyid") long companyId, @QueryParam("page") int page);

    /** GetMailboxAddresses: {@code EEAMMailboxAddresses?mailboxid=&addresstype=}; a null type lists every type. */
    @GET
    @Path("/EEAMMailboxAddresses")
    CompletionStage<Response> listAddresses(@QueryParam("mailboxid") long mailboxId, @QueryParam("addresstype") Long addressType);

    @GET
    @Path("/{resource}/{id}")
    CompletionStage<Response> get(@PathParam("resource") String resource, @PathParam("id") String id);

    @POST
    @Path("/{resource}")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> create(@PathParam("resource") String resource, JsonNode body);

    @PUT
    @Path("/{resource}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> update(@PathParam("resource") String resource, @PathParam("id") String id, JsonNode body);

    @DELETE
    @Path("/{resource}/{id}")
    CompletionStage<Response> delete(@PathParam("resource") String resource, @PathParam("id") String id);

    /** DeleteDepartment in the sample's form: {@code EEAMDepartments?id=&parentid=}. */
    @DELETE
    @Path("/EEAMDepartments")
    CompletionStage<Response> deleteDepartment(@QueryParam("id") String id, @QueryParam("parentid") long parentId);
}
