package dev.switchboard.systems.officelinx.sim;

import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.ADDRESSTYPE_REQUIRED;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.API_ROOT_BARE;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.CLIENT_BASIC_ONLY;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.CREATED_STATUS_ONLY;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.CREATED_WITHOUT_LOCATION;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.DEPARTMENT_DELETE_QUERY;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.EMPTY_LIST_404;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.NO_CONTENT_204;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.PAGES_FROM_0;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.PAGE_IGNORED;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.PAGE_PAST_END_404;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.TOKEN_FORM_ENCODED;
import static dev.switchboard.systems.officelinx.sim.OfficelinxDialects.TOKEN_PATH_SHORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.Simulator;
import dev.switchboard.systems.officelinx.sim.EntitySchema.InvalidInput;
import dev.switchboard.systems.officelinx.sim.OfficelinxDatabase.Refused;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Officelinx Administrative REST API as its developer's guide documents it, held in memory.
 *
 * <p>What it reproduces, beyond plain CRUD:
 * <ul>
 *   <li>OAuth2 password and refresh grants at {@code /UCOAuth2/oauth2/token}; every API call needs a
 *       live bearer token, else 401 {@code {"Message":"Authorization has been denied for this request."}}</li>
 *   <li>POST answers 201 with {@code Location} and the created object; PUT replaces the whole record and
 *       answers 200 with no body (fields a PUT leaves out are lost, which is why the document says to GET
 *       first); GET, PUT and DELETE of an unknown ID answer 404 with no content</li>
 *   <li>input keys matched case-insensitively, output written PascalCase, unknown keys kept</li>
 *   <li>IDs are the table's maximum plus one, so the highest ID comes back after it is deleted</li>
 *   <li>the company and department lists answer 404 with no content when nothing matches ("if the
 *       products do not exist"); the other lists do so only when their company or mailbox is unknown</li>
 *   <li>mailboxes are listed in pages of a size the client is not told</li>
 *   <li>every mailbox gets the default folders, a language and a creation date; company 1 is never deleted;
 *       a parent that still has children is not deleted (a mailbox takes its addresses with it)</li>
 * </ul>
 * It starts as a freshly installed server: company 1 on PBX 1 with its default feature group 1. This
 * class is the HTTP face (routing, tokens, list filters and paging, status codes); the tables and the
 * rules on them are {@link OfficelinxDatabase}'s. {@link OfficelinxDialects} makes it play other readings
 * of the document, one knob each.
 */
public final class OfficelinxSimulator implements Simulator {

    public static final String OAUTH_PREFIX = "/UCOAuth2";
    public static final String API_PREFIX = "/UCBusinessRest/api";
    /** The API root of the document's {@code localhost:34133/api/...} URLs ({@link OfficelinxDialects#API_ROOT_BARE}). */
    public static final String BARE_API_PREFIX = "/api";
    public static final int DEFAULT_MAILBOX_PAGE_SIZE = 25;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes list answers as {@link SimExchange#respondJson} does, to keep them. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final TokenIssuer tokens;
    private final OfficelinxDatabase database;
    private final int mailboxPageSize;
    private final OfficelinxDialects dialects;
    private final String apiPrefix;
    /** The tables': GETs share it, every other method has it alone. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    /**
     * The list answers (200s) given since the last write, by path and query as sent: the same list asked again
     * is answered with the same bytes, not rendered again (a repeated plan asks every list again). Emptied by
     * every request that may write, under the lock's write side, so no answer outlives a change.
     */
    private final java.util.Map<String, byte[]> listAnswers = new java.util.concurrent.ConcurrentHashMap<>();

    /** A freshly installed server accepting {@code credentials}, with the default page size. */
    public OfficelinxSimulator(SimCredentials credentials) {
        this(credentials, Clock.systemUTC(), DEFAULT_MAILBOX_PAGE_SIZE);
    }

    /** A freshly installed server speaking {@code dialects}. */
    public OfficelinxSimulator(SimCredentials credentials, OfficelinxDialects dialects) {
        this(credentials, Clock.systemUTC(), DEFAULT_MAILBOX_PAGE_SIZE, dialects);
    }

    /** For tests: a clock to expire tokens by, and a page size small enough to page through. */
    public OfficelinxSimulator(SimCredentials credentials, Clock clock, int mailboxPageSize) {
        this(credentials, clock, mailboxPageSize, OfficelinxDialects.LENIENT);
    }

    public OfficelinxSimulator(SimCredentials credentials, Clock clock, int mailboxPageSize, OfficelinxDialects dialects) {
        if (mailboxPageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one mailbox");
        }
        this.tokens = new TokenIssuer(credentials, clock, dialects.has(CLIENT_BASIC_ONLY));
        this.database = new OfficelinxDatabase(clock);
        this.mailboxPageSize = mailboxPageSize;
        this.dialects = dialects;
        this.apiPrefix = dialects.has(API_ROOT_BARE) ? BARE_API_PREFIX : API_PREFIX;
    }

    @Override
    public String name() {
        return "officelinx";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(OAUTH_PREFIX, apiPrefix);
    }

    /** Forgets every issued token, as a restart of the real server would: clients must authenticate again. */
    public void revokeTokens() {
        tokens.revokeAll();
    }

    /** Reads concurrently: the tokens guard themselves, and the tables are read under this lock's read side. */
    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        String path = exchange.path();
        if (startsWithIgnoreCase(path, OAUTH_PREFIX + "/")) {
            token(exchange, path.substring(OAUTH_PREFIX.length()));
            return;
        }
        List<String> segments = Arrays.stream(path.substring(Math.min(path.length(), apiPrefix.length())).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        Optional<EntitySchema> schema = segments.isEmpty() || segments.size() > 2
                ? Optional.empty() : EntitySchema.byResource(segments.get(0));
        if (schema.isEmpty() || !startsWithIgnoreCase(path, apiPrefix + "/")) {
            message(exchange, 404, "No HTTP resource was found that matches the request URI '" + path + "'.");
            return;
        }
        if (!tokens.authorizes(exchange.header("Authorization"))) {
            message(exchange, 401, "Authorization has been denied for this request.");
            return;
        }
        try {
            Optional<Long> id = segments.size() == 2 ? Optional.of(parseId(segments.get(1))) : Optional.empty();
            java.util.concurrent.locks.Lock held = exchange.method().equals("GET") ? lock.readLock() : lock.writeLock();
            held.lock();
            try {
                route(exchange, schema.get(), id);
            } finally {
                if (held != lock.readLock()) {
                    listAnswers.clear();
                }
                held.unlock();
            }
        } catch (InvalidInput invalid) {
            message(exchange, 400, invalid.getMessage());
        }
    }

    private void route(SimExchange exchange, EntitySchema schema, Optional<Long> id) throws IOException, InvalidInput {
        switch (exchange.method()) {
            case "GET" -> {
                if (id.isPresent()) {
                    getOne(exchange, schema, id.get());
                } else {
                    byte[] kept = listAnswers.get(exchange.pathAndQuery());
                    if (kept != null) {
                        exchange.respondJsonBytes(200, kept);
                    } else {
                        list(exchange, schema);
                    }
                }
            }
            case "POST" -> {
                if (id.isPresent()) {
                    methodNotAllowed(exchange);
                } else {
                    create(exchange, schema);
                }
            }
            case "PUT" -> {
                if (id.isPresent()) {
                    update(exchange, schema, id.get());
                } else {
                    methodNotAllowed(exchange);
                }
            }
            case "DELETE" -> {
                if (id.isPresent() && schema == EntitySchema.DEPARTMENT && dialects.has(DEPARTMENT_DELETE_QUERY)) {
                    noRoute(exchange);
                } else if (id.isPresent()) {
                    delete(exchange, schema, id.get(), Optional.empty());
                } else if (schema == EntitySchema.DEPARTMENT && exchange.query("id").isPresent()) {
                    // the document's sample deletes a department as ?id=1&parentid=0
                    delete(exchange, schema, parseId(exchange.query("id").get()),
                            longQuery(exchange, "parentid"));
                } else {
                    methodNotAllowed(exchange);
                }
            }
            default -> methodNotAllowed(exchange);
        }
    }

    // ---- OAuth2 ---------------------------------------------------------------------------------

    private void token(SimExchange exchange, String rest) throws IOException {
        String endpoint = rest.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (!endpoint.equals(dialects.has(TOKEN_PATH_SHORT) ? "/token" : "/oauth2/token")) {
            exchange.respondEmpty(404);
        } else if (!exchange.method().equals("POST")) {
            methodNotAllowed(exchange);
        } else {
            TokenIssuer.Answer answer = tokens.grant(exchange.formBody(), exchange.header("Authorization"));
            exchange.setHeader("Cache-Control", "no-store");
            if (answer.status() == 401) {
                exchange.setHeader("WWW-Authenticate", "Basic realm=\"UCOAuth2\"");
            }
            if (dialects.has(TOKEN_FORM_ENCODED)) {
                StringBuilder form = new StringBuilder();
                answer.body().fields().forEachRemaining(field -> form.append(form.isEmpty() ? "" : "&")
                        .append(field.getKey()).append('=')
                        .append(URLEncoder.encode(field.getValue().asText(), StandardCharsets.UTF_8)));
                exchange.respond(answer.status(), "application/x-www-form-urlencoded",
                        form.toString().getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.respondJson(answer.status(), answer.body());
            }
        }
    }

    // ---- reads ----------------------------------------------------------------------------------

    private void getOne(SimExchange exchange, EntitySchema schema, long id) {
        database.find(schema, id).ifPresentOrElse(row -> exchange.respondJson(200, schema.render(row)),
                () -> exchange.respondEmpty(404));
    }

    private void list(SimExchange exchange, EntitySchema schema) throws InvalidInput {
        if (schema == EntitySchema.COMPANY) {
            Optional<Long> pbx = longQuery(exchange, "pbxid");
            if (pbx.isEmpty()) {
                noRoute(exchange);
                return;
            }
            answerList(exchange, schema, database.rowsWhere(schema, "PBXID", pbx.get()), true);
            return;
        }
        if (schema == EntitySchema.ADDRESS) {
            Optional<Long> mailbox = longQuery(exchange, "mailboxid");
            if (mailbox.isEmpty()) {
                noRoute(exchange);
                return;
            }
            if (database.find(EntitySchema.MAILBOX, mailbox.get()).isEmpty()) {
                exchange.respondEmpty(404);
                return;
            }
            // addresstype narrows the list; without it every type is listed, or, in a server where the
            // parameter is part of the route, nothing is
            Optional<Long> type = longQuery(exchange, "addresstype");
            if (type.isEmpty() && dialects.has(ADDRESSTYPE_REQUIRED)) {
                noRoute(exchange);
                return;
            }
            List<ObjectNode> rows = database.rowsWhere(schema, "MailboxID", mailbox.get()).stream()
                    .filter(row -> type.isEmpty() || row.path("AddressType").asLong() == type.get()).toList();
            answerList(exchange, schema, rows, dialects.has(EMPTY_LIST_404));
            return;
        }
        Optional<Long> company = companyQuery(exchange);
        if (company.isEmpty()) {
            noRoute(exchange);
            return;
        }
        if (database.find(EntitySchema.COMPANY, company.get()).isEmpty()) {
            exchange.respondEmpty(404);
            return;
        }
        List<ObjectNode> rows = database.rowsWhere(schema, "CompanyID", company.get());
        if (schema == EntitySchema.MAILBOX && !dialects.has(PAGE_IGNORED)) {
            long first = dialects.has(PAGES_FROM_0) ? 0 : 1;
            long page = Math.max(first, longQuery(exchange, "page").orElse(first));
            long from = (page - first) * mailboxPageSize;
            if (from >= rows.size() && page > first && dialects.has(PAGE_PAST_END_404)) {
                message(exchange, 404, "Page " + page + " of the mailboxes of company " + company.get() + " does not exist.");
                return;
            }
            from = Math.min(rows.size(), from);
            rows = rows.subList((int) from, (int) Math.min(rows.size(), from + mailboxPageSize));
        }
        answerList(exchange, schema, rows, schema == EntitySchema.DEPARTMENT || dialects.has(EMPTY_LIST_404));
    }

    private void answerList(SimExchange exchange, EntitySchema schema, List<ObjectNode> rows,
                                   boolean emptyIsNotFound) {
        if (rows.isEmpty() && emptyIsNotFound) {
            exchange.respondEmpty(404);
            return;
        }
        ArrayNode array = NODES.arrayNode();
        rows.forEach(row -> array.add(schema.render(row)));
        byte[] answer;
        try {
            answer = JSON.writeValueAsBytes(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        listAnswers.put(exchange.pathAndQuery(), answer);
        exchange.respondJsonBytes(200, answer);
    }

    /**
     * {@code companyid}, also as the document misprints it: {@code ?companyid=1,page=1}, which a lenient
     * server reads as company 1, page 1.
     */
    private static Optional<Long> companyQuery(SimExchange exchange) throws InvalidInput {
        Optional<String> raw = exchange.query("companyid");
        if (raw.isPresent() && raw.get().contains(",")) {
            return Optional.of(parseId(raw.get().substring(0, raw.get().indexOf(','))));
        }
        return longQuery(exchange, "companyid");
    }

    // ---- writes ---------------------------------------------------------------------------------

    private void create(SimExchange exchange, EntitySchema schema) throws IOException, InvalidInput {
        if (!jsonContent(exchange)) {
            return;
        }
        ObjectNode row = schema.bind(exchange.jsonBody().orElseThrow(() -> new InvalidInput("The request is invalid.")));
        try {
            long id = database.insert(schema, row);
            String location = apiPrefix + "/" + schema.resource() + "/" + id;
            if (dialects.has(CREATED_STATUS_ONLY)) {
                exchange.respondEmpty(201);
                return;
            }
            if (!dialects.has(CREATED_WITHOUT_LOCATION)) {
                exchange.setHeader("Location", exchange.header("Host").map(host -> "http://" + host + location).orElse(location));
            }
            exchange.respondJson(201, schema.render(row));
        } catch (Refused refused) {
            message(exchange, 400, refused.getMessage());
        }
    }

    private void update(SimExchange exchange, EntitySchema schema, long id) throws IOException, InvalidInput {
        if (database.find(schema, id).isEmpty()) {
            exchange.respondEmpty(404);
            return;
        }
        if (!jsonContent(exchange)) {
            return;
        }
        ObjectNode row = schema.bind(exchange.jsonBody().orElseThrow(() -> new InvalidInput("The request is invalid.")));
        try {
            database.replace(schema, id, row);
            exchange.respondEmpty(dialects.has(NO_CONTENT_204) ? 204 : 200);
        } catch (Refused refused) {
            message(exchange, 400, refused.getMessage());
        }
    }

    private void delete(SimExchange exchange, EntitySchema schema, long id, Optional<Long> parentId) {
        Optional<ObjectNode> row = database.find(schema, id);
        if (row.isEmpty() || parentId.isPresent() && row.get().path("ParentID").asLong() != parentId.get()) {
            exchange.respondEmpty(404);
            return;
        }
        try {
            database.delete(schema, id);
            exchange.respondEmpty(dialects.has(NO_CONTENT_204) ? 204 : 200);
        } catch (Refused refused) {
            message(exchange, 400, refused.getMessage());
        }
    }

    // ---- state ----------------------------------------------------------------------------------

    /** {@code {"EEAMCompanies": [...], "EEAMDepartments": [...], ...}}: every table's rows. */
    @Override
    public JsonNode snapshot() {
        lock.readLock().lock();
        try {
            return database.snapshot();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void restore(JsonNode state) {
        lock.writeLock().lock();
        try {
            database.restore(state);
            listAnswers.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static boolean jsonContent(SimExchange exchange) {
        String type = exchange.header("Content-Type").orElse("");
        if (type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return true;
        }
        // what ASP.NET Web API answers when a form-encoded body reaches a JSON-only model
        message(exchange, 415, "The request entity's media type '" + (type.isEmpty() ? "(none)" : type)
                + "' is not supported for this resource.");
        return false;
    }

    private static Optional<Long> longQuery(SimExchange exchange, String name) throws InvalidInput {
        Optional<String> raw = exchange.query(name).filter(v -> !v.isBlank());
        return raw.isEmpty() ? Optional.empty() : Optional.of(parseId(raw.get()));
    }

    private static long parseId(String raw) throws InvalidInput {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("The request is invalid.");
        }
    }

    private static void noRoute(SimExchange exchange) {
        message(exchange, 404, "No HTTP resource was found that matches the request URI '" + exchange.path() + "'.");
    }

    private static void methodNotAllowed(SimExchange exchange) {
        message(exchange, 405, "The requested resource does not support http method '" + exchange.method() + "'.");
    }

    private static void message(SimExchange exchange, int status, String message) {
        exchange.respondJson(status, NODES.objectNode().put("Message", message));
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
