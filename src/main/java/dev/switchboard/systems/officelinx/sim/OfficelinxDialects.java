package dev.switchboard.systems.officelinx.sim;

import dev.switchboard.sim.SimDialect;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The readings of the Officelinx developer's guide (seed 000) that its simulator can play, besides its
 * default, the most lenient one. Each is a knob of its own name ({@code empty-list-404=true}), set by
 * {@code switchboard sim --dialect olx.NAME}, {@code --sim-option officelinx.NAME=true} or an embedded
 * target's {@code sim:}.
 */
public final class OfficelinxDialects {

    public static final String EMPTY_LIST_404 = "empty-list-404";
    public static final String ADDRESSTYPE_REQUIRED = "addresstype-required";
    public static final String PAGES_FROM_0 = "pages-from-0";
    public static final String TOKEN_PATH_SHORT = "token-path-short";
    public static final String TOKEN_FORM_ENCODED = "token-form-encoded";
    public static final String CLIENT_BASIC_ONLY = "client-basic-only";
    public static final String DEPARTMENT_DELETE_QUERY = "department-delete-query";
    public static final String API_ROOT_BARE = "api-root-bare";
    public static final String NO_CONTENT_204 = "no-content-204";
    public static final String CREATED_WITHOUT_LOCATION = "created-without-location";
    public static final String CREATED_STATUS_ONLY = "created-status-only";
    public static final String PAGE_PAST_END_404 = "page-past-end-404";
    public static final String PAGE_IGNORED = "page-ignored";

    public static final List<SimDialect> ALL = List.of(
            SimDialect.flag(EMPTY_LIST_404,
                    "every list (feature groups, mailbox pages, addresses too) answers 404 with no content when it is empty",
                    "\"If the products do not exist, a 404 Not found status message is returned with no content.\""),
            SimDialect.flag(ADDRESSTYPE_REQUIRED,
                    "GetMailboxAddresses without addresstype is no route (404 \"No HTTP resource was found ...\")",
                    "\"EEAMMailboxAddresses?mailboxid=2&addresstype=0\": every example passes addresstype, and only type 0 is documented"),
            SimDialect.flag(PAGES_FROM_0,
                    "mailbox pages count from 0: page=0 is the first page, page=1 the second",
                    "\"If PageNumber is included, the function will return the first page of mailboxes for the company.\""),
            SimDialect.flag(TOKEN_PATH_SHORT,
                    "the token endpoint is /UCOAuth2/token, not /UCOAuth2/oauth2/token",
                    "the sample's OAuth2 class builds the token URL as \"%s%s\" % (self.site, quote(self.token_url)) from site https://.../UCOAuth2/"),
            SimDialect.flag(TOKEN_FORM_ENCODED,
                    "the token endpoint answers form-encoded (access_token=...&expires_in=...), not JSON",
                    "the sample's get_token falls back to \"content = parse_qs(response.content)\" when the answer is not JSON"),
            SimDialect.flag(CLIENT_BASIC_ONLY,
                    "the token endpoint authenticates the client by HTTP Basic only, ignoring client_id/client_secret in the body",
                    "\"Client Identifier\", \"Client Secret\": the document registers a client but never says how it authenticates (RFC 6749 2.3.1 requires servers to support Basic)"),
            SimDialect.flag(DEPARTMENT_DELETE_QUERY,
                    "a department is deleted only as DELETE EEAMDepartments?id=&parentid=; DELETE EEAMDepartments/{id} is no route",
                    "\"r = s.delete('https://111.111.111.111:443/UCBusinessRest/api/EEAMDepartments?id=1&parentid=0', verify = False)\""),
            SimDialect.flag(API_ROOT_BARE,
                    "the API answers under /api, with no /UCBusinessRest prefix",
                    "\"http://localhost:34133/api/EEAMFGroups?companyid=1\", \"http://localhost:10784/api/EEAMMailboxes/4\""),
            SimDialect.flag(NO_CONTENT_204,
                    "PUT and DELETE answer 204 No Content, as ASP.NET Web API does for an action that returns nothing",
                    "\"Normal execution returns status 200 OK.\" (an ASP.NET Web API void action answers 204)"),
            SimDialect.flag(CREATED_WITHOUT_LOCATION,
                    "POST answers 201 with the created object but no Location header",
                    "\"REST Service should return a 201 Created HTTP response, with the URI of the newly created resource in the Location header.\" (should, not must)"),
            SimDialect.flag(CREATED_STATUS_ONLY,
                    "POST answers 201 with no Location and no body: the answer names no ID",
                    "\"REST Service should return a 201 Created HTTP response, with the URI of the newly created resource in the Location header.\" (should), and of updates: \"the status only is returned, not the content.\""),
            SimDialect.flag(PAGE_PAST_END_404,
                    "a mailbox page past the last one answers 404 {\"Message\": ...}, as an HttpResponseException does",
                    "\"If the CompanyID is not found, an HttpResponseException error is returned. The HTTP response in this case will be a Not Found message.\""),
            SimDialect.flag(PAGE_IGNORED,
                    "GetListOfMailboxesByPage ignores page: every page is the list of all the company's mailboxes",
                    "\"https://localhost/UCBusinessRest/api/EEAMMailboxes?companyid=1,page=1)\": the document's own URL carries no page parameter, so a server that answers it reads none"));

    private final Set<String> on;

    private OfficelinxDialects(Set<String> on) {
        this.on = Set.copyOf(on);
    }

    /** The default: every lenient reading at once. */
    public static final OfficelinxDialects LENIENT = new OfficelinxDialects(Set.of());

    /** From knobs {@code NAME -> true|false}. */
    public static OfficelinxDialects of(Map<String, String> options) {
        Set<String> on = new HashSet<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (ALL.stream().noneMatch(d -> d.name().equals(option.getKey()))) {
                throw new IllegalArgumentException("the officelinx simulator has no option " + option.getKey()
                        + " (it has " + String.join(", ", ALL.stream().map(SimDialect::name).toList()) + ")");
            }
            String value = option.getValue().trim();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("the officelinx simulator option " + option.getKey()
                        + " is true or false, not " + value);
            }
            if (value.equalsIgnoreCase("true")) {
                on.add(option.getKey());
            }
        }
        return new OfficelinxDialects(on);
    }

    public boolean has(String dialect) {
        return on.contains(dialect);
    }

    @Override
    public String toString() {
        return on.isEmpty() ? "lenient" : String.join(", ", on.stream().sorted().toList());
    }
}
