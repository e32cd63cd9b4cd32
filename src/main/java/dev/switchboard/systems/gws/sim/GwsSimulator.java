package dev.switchboard.systems.gws.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Genesys Web Services 8.5 API v2 under {@code /api/v2}, as seed 003 and the public users-API pages
 * (api-notes 1d) describe it: HTTP Basic on every call but {@code GET /diagnostics/version}; every body
 * carries a {@code statusCode}; {@code GET /me}; {@code POST /me/channels/voice}; {@code GET /users}
 * (only {@code uris} unless {@code fields=*} or a field list, filters {@code userName}, {@code firstName},
 * {@code lastName}); {@code POST /users} (five mandatory fields, answered {@code "statusCode":"0"} with
 * the new id, a duplicate user name is HTTP 403 with {@code statusCode 18}); {@code GET}, {@code PUT} /
 * {@code POST} (update; roles replace the set; {@code userName} is read-only) and {@code DELETE}
 * {@code /users/{id}}. URLs over 2,000 characters are answered 414.
 *
 * <p>Writes are asynchronous, as the document warns: {@code statusCode 0} only means accepted. Each
 * accepted write is queued and carried out {@link GwsSimSettings#applyDelayMs()} later (0: at once), or
 * never when the simulator is told to drop it; reads show only what was carried out. The queue is part
 * of {@link #snapshot()}, with wall-clock due times, so a later command run sees writes land on time.
 *
 * <p>Starts as a fresh GWS: one user, {@link SimCredentials#login()} with {@link SimCredentials#password()},
 * role {@code ROLE_ADMIN}.
 */
public final class GwsSimulator implements Simulator {

    public static final String PREFIX = "/api/v2";
    public static final String VERSION = "8.5.200.50";
    /** The document's limit on a whole request URL. */
    public static final int MAX_URL_LENGTH = 2000;
    static final Pattern ROLE = Pattern.compile("^ROLE_[A-Z_]+$");
    private static final Set<String> VOICE_OPERATIONS = Set.of("Ready", "NotReady", "Login", "Logout");
    private static final List<String> UPDATABLE = List.of("firstName", "lastName", "roles", "enabled",
            "changePasswordOnFirstLogin", "password");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SimCredentials credentials;
    private final Clock clock;
    /** Knobs given on the command line: they win over those a state file restores. */
    private final Map<String, String> options;
    private GwsSimSettings settings;
    private Map<String, ObjectNode> users = new LinkedHashMap<>();
    private List<ObjectNode> pending = new ArrayList<>();
    private ObjectNode voiceStates = JSON.objectNode();

    public GwsSimulator(SimCredentials credentials) {
        this(credentials, GwsSimSettings.DEFAULT, Clock.systemUTC());
    }

    /** @param clock decides when accepted writes are carried out; tests move it instead of sleeping */
    public GwsSimulator(SimCredentials credentials, GwsSimSettings settings, Clock clock) {
        this(credentials, settings, Map.of(), clock);
    }

    private GwsSimulator(SimCredentials credentials, GwsSimSettings settings, Map<String, String> options, Clock clock) {
        this.credentials = credentials;
        this.settings = settings;
        this.options = Map.copyOf(options);
        this.clock = clock;
        freshlyInstalled();
    }

    /**
     * With the knobs of {@code switchboard sim --sim-option gws.NAME=VALUE}, which keep their values over
     * the settings of a state file restored later.
     *
     * @throws IllegalArgumentException naming an option or value not understood
     */
    public static GwsSimulator withOptions(SimCredentials credentials, Map<String, String> options, Clock clock) {
        return new GwsSimulator(credentials, GwsSimSettings.fromOptions(options), options, clock);
    }

    private void freshlyInstalled() {
        users = new LinkedHashMap<>();
        pending = new ArrayList<>();
        voiceStates = JSON.objectNode();
        ObjectNode admin = JSON.objectNode();
        String id = newId();
        admin.put("id", id);
        admin.put("userName", credentials.login());
        admin.put("firstName", "Default");
        admin.put("lastName", "Administrator");
        admin.putArray("roles").add("ROLE_ADMIN");
        admin.put("enabled", true);
        admin.put("changePasswordOnFirstLogin", false);
        admin.put("passwordHash", hash(id, credentials.password()));
        users.put(id, admin);
    }

    @Override
    public String name() {
        return "gws";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(PREFIX);
    }

    public synchronized GwsSimSettings settings() {
        return settings;
    }

    /** Changes the knobs of a running simulator: a test's way to start dropping writes halfway. */
    public synchronized void configure(GwsSimSettings newSettings) {
        settings = newSettings;
    }

    /** How many accepted writes are still waiting to be carried out. */
    public synchronized int pendingWrites() {
        applyDueWrites();
        return pending.size();
    }

    @Override
    public synchronized JsonNode snapshot() {
        applyDueWrites();
        ObjectNode state = JSON.objectNode();
        state.set("settings", settings.toJson());
        ArrayNode list = state.putArray("users");
        users.values().forEach(u -> list.add(u.deepCopy()));
        ArrayNode queue = state.putArray("pending");
        pending.forEach(p -> queue.add(p.deepCopy()));
        state.set("voice", voiceStates.deepCopy());
        return state;
    }

    /** Restores a snapshot; one with {@code settings} alone is a fresh server with those knobs. */
    @Override
    public synchronized void restore(JsonNode state) {
        settings = GwsSimSettings.fromJson(state.path("settings"));
        for (Map.Entry<String, String> option : options.entrySet()) {
            settings = settings.with(option.getKey(), option.getValue().trim());
        }
        if (!state.has("users")) {
            freshlyInstalled();
            return;
        }
        users = new LinkedHashMap<>();
        for (JsonNode user : state.path("users")) {
            users.put(user.path("id").asText(), (ObjectNode) user.deepCopy());
        }
        pending = new ArrayList<>();
        for (JsonNode write : state.path("pending")) {
            pending.add((ObjectNode) write.deepCopy());
        }
        voiceStates = state.path("voice").isObject() ? (ObjectNode) state.get("voice").deepCopy() : JSON.objectNode();
    }

    @Override
    public synchronized void handle(SimExchange exchange) throws IOException {
        applyDueWrites();
        if (urlLength(exchange) > MAX_URL_LENGTH) {
            exchange.respondEmpty(414);
            return;
        }
        String method = exchange.method();
        List<String> path = List.of(exchange.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "").split("/+"));
        if (path.equals(List.of("diagnostics", "version"))) {
            if (method.equals("GET")) {
                exchange.respondJson(200, JSON.objectNode().put("statusCode", 0).put("version", VERSION));
            } else {
                notAllowed(exchange);
            }
            return;
        }
        Optional<ObjectNode> caller = authenticate(exchange);
        if (caller.isEmpty()) {
            exchange.setHeader("WWW-Authenticate", "Basic realm=\"GWS\"");
            exchange.respondJson(401, status(SimStatus.NOT_AUTHENTICATED, "Authentication required"));
            return;
        }
        switch (path.get(0)) {
            case "me" -> me(exchange, method, path, caller.get());
            case "users" -> {
                if (!isManager(caller.get())) {
                    error(exchange, SimStatus.NO_PERMISSION, "Only ROLE_ADMIN and ROLE_SUPERVISOR users manage users");
                } else if (path.size() == 1) {
                    users(exchange, method);
                } else if (path.size() == 2) {
                    user(exchange, method, path.get(1), caller.get());
                } else {
                    error(exchange, SimStatus.NOT_FOUND, "No such resource: " + exchange.path());
                }
            }
            default -> error(exchange, SimStatus.NOT_FOUND, "No such resource: " + exchange.path());
        }
    }

    // ---- /me

    private void me(SimExchange exchange, String method, List<String> path, ObjectNode caller) throws IOException {
        if (path.size() == 1) {
            if (method.equals("GET")) {
                exchange.respondJson(200, JSON.objectNode().put("statusCode", 0).set("user", representation(caller, exchange)));
            } else {
                notAllowed(exchange);
            }
        } else if (path.equals(List.of("me", "channels", "voice"))) {
            if (!method.equals("POST")) {
                notAllowed(exchange);
                return;
            }
            JsonNode body = exchange.jsonBody().orElse(JSON.missingNode());
            String operation = body.path("operationName").asText("");
            if (operation.isEmpty()) {
                error(exchange, SimStatus.MISSING_PARAMETER, "operationName is required");
            } else if (!VOICE_OPERATIONS.contains(operation)) {
                error(exchange, SimStatus.INPUT_VALIDATION, "Unknown operationName '" + operation + "'");
            } else {
                accept(JSON.objectNode().put("op", "voice").put("id", caller.path("id").asText()).put("state", operation));
                exchange.respondJson(200, JSON.objectNode().put("statusCode", 0));
            }
        } else {
            error(exchange, SimStatus.NOT_FOUND, "No such resource: " + exchange.path());
        }
    }

    // ---- /users

    private void users(SimExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> list(exchange);
            case "POST" -> create(exchange);
            default -> notAllowed(exchange);
        }
    }

    private void list(SimExchange exchange) {
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode user : users.values()) {
            if (settings.searchIgnored() || matchesFilters(user, exchange)) {
                matching.add(user);
            }
        }
        ObjectNode answer = JSON.objectNode().put("statusCode", 0);
        Optional<String> fields = exchange.query("fields");
        if (fields.isEmpty() || settings.listUrisOnly()) {
            ArrayNode uris = answer.putArray("uris");
            matching.forEach(u -> uris.add(uri(u, exchange)));
        } else {
            ArrayNode list = answer.putArray("users");
            for (ObjectNode user : matching) {
                ObjectNode full = representation(user, exchange);
                if (fields.get().equals("*")) {
                    list.add(full);
                } else {
                    ObjectNode picked = JSON.objectNode();
                    for (String field : fields.get().split(",")) {
                        if (full.has(field.trim())) {
                            picked.set(field.trim(), full.get(field.trim()));
                        }
                    }
                    list.add(picked);
                }
            }
        }
        exchange.respondJson(200, answer);
    }

    private static boolean matchesFilters(ObjectNode user, SimExchange exchange) {
        for (String filter : List.of("userName", "firstName", "lastName")) {
            Optional<String> wanted = exchange.query(filter);
            if (wanted.isPresent() && !List.of(wanted.get().split(",")).contains(user.path(filter).asText())) {
                return false;
            }
        }
        return true;
    }

    private void create(SimExchange exchange) throws IOException {
        Optional<JsonNode> parsed = exchange.jsonBody();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            error(exchange, SimStatus.INPUT_VALIDATION, "The body must be a JSON object");
            return;
        }
        JsonNode body = parsed.get();
        for (String required : List.of("firstName", "lastName", "roles", "userName", "password")) {
            if (!body.hasNonNull(required)) {
                error(exchange, SimStatus.MISSING_PARAMETER, "Missing mandatory parameter '" + required + "'");
                return;
            }
        }
        Optional<String> invalid = validate(body);
        if (invalid.isPresent()) {
            error(exchange, SimStatus.INPUT_VALIDATION, invalid.get());
            return;
        }
        String userName = body.get("userName").asText();
        if (userName.isBlank()) {
            error(exchange, SimStatus.INPUT_VALIDATION, "userName cannot be empty");
            return;
        }
        if (userNameTaken(userName)) {
            // Documented as HTTP 403 with the code as text, whatever the other errors look like.
            exchange.respondJson(403, JSON.objectNode().put("statusCode", "18")
                    .put("statusMessage", "Failed to create user. User '" + userName + "' already exists."));
            return;
        }
        String id = newId();
        ObjectNode user = JSON.objectNode();
        user.put("id", id);
        user.put("userName", userName);
        user.put("firstName", body.get("firstName").asText());
        user.put("lastName", body.get("lastName").asText());
        user.set("roles", distinct(body.get("roles")));
        user.put("enabled", body.path("enabled").asBoolean(true));
        user.put("changePasswordOnFirstLogin", body.path("changePasswordOnFirstLogin").asBoolean(false));
        user.put("passwordHash", hash(id, body.get("password").asText()));
        accept(JSON.objectNode().put("op", "create").put("id", id).set("user", user));
        ObjectNode answer = JSON.objectNode();
        if (settings.createStatusAsText()) {
            answer.put("statusCode", "0");
        } else {
            answer.put("statusCode", 0);
        }
        answer.put("path", "/users/" + id).put("id", id).put("uri", uri(user, exchange));
        exchange.respondJson(200, answer);
    }

    private void user(SimExchange exchange, String method, String id, ObjectNode caller) throws IOException {
        ObjectNode user = users.get(id);
        if (user == null && List.of("GET", "PUT", "POST", "DELETE").contains(method)) {
            error(exchange, SimStatus.NOT_FOUND, "User '" + id + "' not found");
            return;
        }
        switch (method) {
            case "GET" -> exchange.respondJson(200, JSON.objectNode().put("statusCode", 0)
                    .set("user", representation(user, exchange)));
            case "PUT", "POST" -> {
                if (!settings.allows(method)) {
                    notAllowed(exchange);
                } else {
                    update(exchange, user);
                }
            }
            case "DELETE" -> {
                if (id.equals(caller.path("id").asText())) {
                    error(exchange, SimStatus.FORBIDDEN, "A user cannot delete itself");
                    return;
                }
                accept(JSON.objectNode().put("op", "delete").put("id", id));
                exchange.respondJson(200, JSON.objectNode().put("statusCode", 0));
            }
            default -> notAllowed(exchange);
        }
    }

    private void update(SimExchange exchange, ObjectNode user) throws IOException {
        Optional<JsonNode> parsed = exchange.jsonBody();
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            error(exchange, SimStatus.INPUT_VALIDATION, "The body must be a JSON object");
            return;
        }
        JsonNode body = parsed.get();
        if (body.has("userName") && !body.get("userName").asText().equals(user.path("userName").asText())) {
            error(exchange, SimStatus.READ_ONLY_PROPERTY, "userName cannot be changed");
            return;
        }
        Optional<String> invalid = validate(body);
        if (invalid.isPresent()) {
            error(exchange, SimStatus.INPUT_VALIDATION, invalid.get());
            return;
        }
        ObjectNode changes = JSON.objectNode();
        for (String field : UPDATABLE) {
            if (body.hasNonNull(field)) {
                changes.set(field, field.equals("roles") ? distinct(body.get(field)) : body.get(field));
            }
        }
        accept(JSON.objectNode().put("op", "update").put("id", user.path("id").asText()).set("changes", changes));
        exchange.respondJson(200, JSON.objectNode().put("statusCode", 0));
    }

    private static Optional<String> validate(JsonNode body) {
        for (String text : List.of("firstName", "lastName", "userName", "password")) {
            if (body.hasNonNull(text) && !body.get(text).isTextual()) {
                return Optional.of(text + " must be a string");
            }
        }
        for (String flag : List.of("enabled", "changePasswordOnFirstLogin")) {
            if (body.hasNonNull(flag) && !body.get(flag).isBoolean()) {
                return Optional.of(flag + " must be true or false");
            }
        }
        if (body.hasNonNull("roles")) {
            if (!body.get("roles").isArray()) {
                return Optional.of("roles must be an array");
            }
            for (JsonNode role : body.get("roles")) {
                if (!role.isTextual() || !ROLE.matcher(role.asText()).matches()) {
                    return Optional.of("Unknown role " + role);
                }
            }
        }
        return Optional.empty();
    }

    private boolean userNameTaken(String userName) {
        if (users.values().stream().anyMatch(u -> u.path("userName").asText().equals(userName))) {
            return true;
        }
        return pending.stream().anyMatch(p -> p.path("op").asText().equals("create")
                && p.path("user").path("userName").asText().equals(userName));
    }

    // ---- asynchronous writes

    /** Queues an accepted write, or loses it when told to drop writes. */
    private void accept(ObjectNode write) {
        if (settings.dropsNextWrite()) {
            settings = settings.oneDropped();
            return;
        }
        write.put("due", clock.millis() + settings.applyDelayMs());
        pending.add(write);
        applyDueWrites();
    }

    private void applyDueWrites() {
        long now = clock.millis();
        while (!pending.isEmpty() && pending.get(0).path("due").asLong() <= now) {
            carryOut(pending.remove(0));
        }
    }

    private void carryOut(ObjectNode write) {
        String id = write.path("id").asText();
        switch (write.path("op").asText()) {
            case "create" -> users.put(id, (ObjectNode) write.get("user").deepCopy());
            case "update" -> {
                ObjectNode user = users.get(id);
                if (user != null) {
                    write.get("changes").fields().forEachRemaining(change -> {
                        if (change.getKey().equals("password")) {
                            user.put("passwordHash", hash(id, change.getValue().asText()));
                        } else {
                            user.set(change.getKey(), change.getValue().deepCopy());
                        }
                    });
                }
            }
            case "delete" -> {
                users.remove(id);
                voiceStates.remove(id);
            }
            case "voice" -> voiceStates.put(id, write.path("state").asText());
            default -> {
            }
        }
    }

    // ---- helpers

    private Optional<ObjectNode> authenticate(SimExchange exchange) {
        Optional<String> header = exchange.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String userName = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return users.values().stream()
                .filter(u -> u.path("userName").asText().equals(userName) && u.path("enabled").asBoolean(true))
                .filter(u -> MessageDigest.isEqual(u.path("passwordHash").asText().getBytes(StandardCharsets.UTF_8),
                        hash(u.path("id").asText(), password).getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    private static boolean isManager(ObjectNode user) {
        for (JsonNode role : user.path("roles")) {
            if (role.asText().equals("ROLE_ADMIN") || role.asText().equals("ROLE_SUPERVISOR")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode representation(ObjectNode user, SimExchange exchange) {
        ObjectNode out = JSON.objectNode();
        for (String field : List.of("id", "userName", "firstName", "lastName", "roles", "enabled",
                "changePasswordOnFirstLogin")) {
            if (user.has(field)) {
                out.set(field, user.get(field).deepCopy());
            }
        }
        out.put("uri", uri(user, exchange));
        out.put("path", "/users/" + user.path("id").asText());
        return out;
    }

    private static String uri(JsonNode user, SimExchange exchange) {
        return "http://" + exchange.header("Host").orElse("127.0.0.1") + PREFIX + "/users/" + user.path("id").asText();
    }

    private static ArrayNode distinct(JsonNode roles) {
        ArrayNode set = JSON.arrayNode();
        List<String> seen = new ArrayList<>();
        for (JsonNode role : roles) {
            if (!seen.contains(role.asText())) {
                seen.add(role.asText());
                set.add(role.asText());
            }
        }
        return set;
    }

    /** The length of the whole URL as the client wrote it: scheme, host, path and query. */
    private static int urlLength(SimExchange exchange) {
        int length = "http://".length() + exchange.header("Host").orElse("127.0.0.1").length()
                + URLEncoder.encode(exchange.path(), StandardCharsets.UTF_8).replace("%2F", "/").length();
        if (!exchange.queryParameters().isEmpty()) {
            for (Map.Entry<String, String> parameter : exchange.queryParameters().entrySet()) {
                length += 1 + parameter.getKey().length() + 1
                        + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).length();
            }
        }
        return length;
    }

    private void error(SimExchange exchange, SimStatus code, String message) {
        exchange.respondJson(settings.errorsAsHttp200() ? 200 : code.httpStatus, status(code, message));
    }

    private void notAllowed(SimExchange exchange) {
        exchange.respondJson(405, status(SimStatus.FORBIDDEN, "Method " + exchange.method() + " not allowed"));
    }

    private static ObjectNode status(SimStatus code, String message) {
        return JSON.objectNode().put("statusCode", code.code).put("statusMessage", message);
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String hash(String salt, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
