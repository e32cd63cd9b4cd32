package dev.switchboard.systems.xci.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The XCI REST API 1.0 under {@code /api/1.0/}, as the document describes it: {@code POST /login} sets a
 * session cookie that every other call needs (401 without it, or once it expired after
 * {@link SimCredentials#sessionLifetime()}); lists answer {@code {"items": [...]}} except templates, a
 * bare array; creates answer 201 with the object, edits 200 with it, deletes 204; rule violations
 * answer 400 with {@code {"message": ...}}; XiVOs have no edit or delete (405).
 *
 * <p>Starts as a fresh XCI: no XiVO, and the super-administrator {@link SimCredentials#login()} with
 * {@link SimCredentials#password()}. Sessions are not part of {@link #snapshot()}: a restarted server
 * forgets them, as a restarted XCI does.
 */
public final class XciSimulator implements Simulator {

    public static final String PREFIX = "/api/1.0";
    /** The cookie of a Play Framework application, which XCI is. */
    public static final String SESSION_COOKIE = "PLAY_SESSION";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimCredentials credentials;
    private final Clock clock;
    private final Map<String, Instant> sessions = new HashMap<>();
    private final Map<String, Integer> callsLeft = new HashMap<>();
    private final XciDialects dialects;
    private XciStore store;

    public XciSimulator(SimCredentials credentials) {
        this(credentials, Clock.systemUTC());
    }

    /** A fresh XCI speaking {@code dialects}. */
    public XciSimulator(SimCredentials credentials, XciDialects dialects) {
        this(credentials, Clock.systemUTC(), dialects);
    }

    /** @param clock decides when sessions expire; tests move it instead of sleeping */
    public XciSimulator(SimCredentials credentials, Clock clock) {
        this(credentials, clock, XciDialects.LENIENT);
    }

    public XciSimulator(SimCredentials credentials, Clock clock, XciDialects dialects) {
        this.credentials = credentials;
        this.clock = clock;
        this.dialects = dialects;
        this.store = XciStore.freshlyInstalled(credentials.login(), credentials.password(), dialects.numbersInIntervals());
    }

    @Override
    public String name() {
        return "xci";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public synchronized JsonNode snapshot() {
        return store.snapshot();
    }

    @Override
    public synchronized void restore(JsonNode state) {
        XciStore restored = new XciStore(dialects.numbersInIntervals());
        restored.restore(state);
        store = restored;
    }

    /** Ends every session at once, as a restart of XCI does: the next call of each client gets 401. */
    public synchronized void expireAllSessions() {
        sessions.clear();
        callsLeft.clear();
    }

    @Override
    public synchronized void handle(SimExchange exchange) throws IOException {
        String method = exchange.method();
        List<String> path = List.of(exchange.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "").split("/+"));
        try {
            if (path.equals(List.of("login"))) {
                login(exchange);
                return;
            }
            if (!hasLiveSession(exchange)) {
                switch (dialects.expired()) {
                    case "403" -> exchange.respondJson(403, message("You must log in first: POST " + PREFIX + "/login"));
                    case "redirect" -> {
                        exchange.setHeader("Location", PREFIX + "/login");
                        exchange.respondEmpty(303);
                    }
                    default -> exchange.respondJson(401, message("You must log in first: POST " + PREFIX + "/login"));
                }
                return;
            }
            route(exchange, method, path);
        } catch (XciRejection rejection) {
            exchange.respondJson(rejection.status(), message(rejection.getMessage()));
        }
    }

    private void login(SimExchange exchange) throws IOException {
        if (!exchange.method().equals("POST")) {
            notAllowed(exchange, "POST");
            return;
        }
        RequestBody body = RequestBody.of(jsonBody(exchange));
        if (!store.acceptsLogin(body.requiredText("login"), body.requiredText("password"))) {
            exchange.respondJson(401, message("Invalid login or password"));
            return;
        }
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        String session = HexFormat.of().formatHex(token);
        sessions.values().removeIf(expiry -> !expiry.isAfter(clock.instant()));
        sessions.put(session, clock.instant().plus(credentials.sessionLifetime()));
        dialects.requestsPerSession().ifPresent(calls -> callsLeft.put(session, calls));
        exchange.setHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly");
        if (dialects.login303()) {
            exchange.setHeader("Location", "/");
            exchange.respondEmpty(303);
        } else {
            exchange.respondEmpty(200);
        }
    }

    /** Whether the call carries a live session; counts the call against a session that lasts so many calls. */
    private boolean hasLiveSession(SimExchange exchange) {
        Optional<String> session = exchange.cookie(SESSION_COOKIE);
        Optional<Instant> expiry = session.map(sessions::get);
        if (expiry.isEmpty() || !expiry.get().isAfter(clock.instant())) {
            return false;
        }
        Integer left = callsLeft.get(session.get());
        if (left == null) {
            return true;
        }
        if (left <= 0) {
            sessions.remove(session.get());
            callsLeft.remove(session.get());
            return false;
        }
        callsLeft.put(session.get(), left - 1);
        return true;
    }

    private void route(SimExchange exchange, String method, List<String> path) throws IOException {
        String collection = path.get(0);
        int depth = path.size();
        switch (collection) {
            case "xivo" -> {
                if (depth == 1) {
                    answer(exchange, method, "GET, POST", () -> items(store.listXivos()),
                            () -> store.createXivo(RequestBody.of(jsonBody(exchange))), null, null);
                } else if (depth == 2 && path.get(1).equals("synchronize_config_files")) {
                    if (method.equals("GET")) {
                        exchange.respondEmpty(200);
                    } else {
                        notAllowed(exchange, "GET");
                    }
                } else if (depth == 2) {
                    long id = idOf(path.get(1));
                    answer(exchange, method, "GET", () -> store.getXivo(id), null, null, null);
                } else {
                    notFound(exchange);
                }
            }
            case "entities" -> {
                if (depth == 1) {
                    answer(exchange, method, "GET, POST", () -> items(store.listEntities()),
                            () -> store.createEntity(RequestBody.of(jsonBody(exchange))), null, null);
                } else if (depth == 2) {
                    String combinedId = path.get(1);
                    answer(exchange, method, "GET, PUT, DELETE", () -> store.getEntity(combinedId), null,
                            () -> store.updateEntity(combinedId, jsonBody(exchange)), () -> store.deleteEntity(combinedId));
                } else if (depth == 3 && path.get(2).equals("users")) {
                    answer(exchange, method, "GET", () -> items(store.usersOfEntity(path.get(1))), null, null, null);
                } else if (depth == 3 && path.get(2).equals("available_numbers")) {
                    answer(exchange, method, "GET", () -> items(store.availableNumbers(path.get(1))), null, null, null);
                } else {
                    notFound(exchange);
                }
            }
            case "users" -> {
                if (depth == 1) {
                    answer(exchange, method, "POST", null,
                            () -> store.createUser(RequestBody.of(jsonBody(exchange))), null, null);
                } else if (depth == 2) {
                    long id = idOf(path.get(1));
                    answer(exchange, method, "GET, PUT, DELETE", () -> store.getUser(id), null,
                            () -> store.updateUser(id, jsonBody(exchange)), () -> store.deleteUser(id));
                } else {
                    notFound(exchange);
                }
            }
            case "templates" -> {
                if (depth == 1) {
                    answer(exchange, method, "GET, POST",
                            () -> dialects.templatesInItems() ? items(store.listTemplates()) : store.listTemplates(),
                            () -> store.createTemplate(RequestBody.of(jsonBody(exchange))), null, null);
                } else if (depth == 2) {
                    long id = idOf(path.get(1));
                    answer(exchange, method, "GET, PUT, DELETE", () -> store.getTemplate(id), null,
                            () -> store.updateTemplate(id, jsonBody(exchange)), () -> store.deleteTemplate(id));
                } else {
                    notFound(exchange);
                }
            }
            case "administrators" -> {
                if (depth == 1) {
                    answer(exchange, method, "GET, POST", () -> items(store.listAdministrators()),
                            () -> store.createAdministrator(RequestBody.of(jsonBody(exchange))), null, null);
                } else if (depth == 2) {
                    long id = idOf(path.get(1));
                    answer(exchange, method, "GET, PUT, DELETE", () -> store.getAdministrator(id), null,
                            () -> updateAdministrator(exchange, id), () -> store.deleteAdministrator(id));
                } else {
                    notFound(exchange);
                }
            }
            default -> notFound(exchange);
        }
    }

    private JsonNode updateAdministrator(SimExchange exchange, long id) throws IOException {
        JsonNode body = jsonBody(exchange);
        if (dialects.adminPutPassword()) {
            boolean ldap = body.has("ldap") ? body.path("ldap").asBoolean(false)
                    : store.getAdministrator(id).path("ldap").asBoolean(false);
            if (!ldap && body.path("password").asText("").isEmpty()) {
                throw XciRejection.badRequest("The field 'password' is compulsory when ldap is false");
            }
        }
        return store.updateAdministrator(id, body);
    }

    /** One read, create, edit or delete; a null operation is a method the API does not have: 405. */
    private void answer(SimExchange exchange, String method, String allowed, Operation read, Operation create,
                        Operation edit, Deletion delete) throws IOException {
        switch (method) {
            case "GET" -> {
                if (read == null) {
                    notAllowed(exchange, allowed);
                } else {
                    exchange.respondJson(200, read.run());
                }
            }
            case "POST" -> {
                if (create == null) {
                    notAllowed(exchange, allowed);
                } else if (dialects.createdEmpty()) {
                    create.run();
                    exchange.respondEmpty(201);
                } else {
                    exchange.respondJson(201, create.run());
                }
            }
            case "PUT" -> {
                if (edit == null) {
                    notAllowed(exchange, allowed);
                } else {
                    exchange.respondJson(200, edit.run());
                }
            }
            case "DELETE" -> {
                if (delete == null) {
                    notAllowed(exchange, allowed);
                } else {
                    delete.run();
                    exchange.respondEmpty(204);
                }
            }
            default -> notAllowed(exchange, allowed);
        }
    }

    @FunctionalInterface
    private interface Operation {
        JsonNode run() throws IOException;
    }

    @FunctionalInterface
    private interface Deletion {
        void run() throws IOException;
    }

    /** Bodies must be declared JSON, as the document's general form says and Play's JSON parser enforces. */
    private static JsonNode jsonBody(SimExchange exchange) throws IOException {
        String contentType = exchange.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw XciRejection.unsupportedMediaType("Expecting a request body with Content-Type: application/json");
        }
        return exchange.jsonBody().orElseThrow(() -> XciRejection.badRequest("Invalid JSON payload"));
    }

    private static long idOf(String segment) {
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException notAnId) {
            throw XciRejection.notFound("No object with the id '" + segment + "'");
        }
    }

    private static ObjectNode items(ArrayNode items) {
        ObjectNode list = JSON.objectNode();
        list.set("items", items);
        return list;
    }

    private static ObjectNode message(String text) {
        return JSON.objectNode().put("message", text);
    }

    private static void notAllowed(SimExchange exchange, String allowed) {
        exchange.setHeader("Allow", allowed);
        exchange.respondJson(405, message("Method " + exchange.method() + " is not allowed on " + exchange.path()
                + " (allowed: " + allowed + ")"));
    }

    private static void notFound(SimExchange exchange) {
        exchange.respondJson(404, message("No such API method: " + exchange.path()));
    }
}
