package dev.switchboard.systems.xivows.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One XiVO's {@code json.php} web services, as seed 004 documents them and as {@code xivo-web-interface}
 * answers (api-notes 1b):
 * <ul>
 *   <li>every answer carries {@code X-XIVO-WS-VERSION: 1.0}; HTTP Basic with the simulator's login (401 and
 *       {@code WWW-Authenticate} without it), or, with {@code access=ip}, the source-IP allow-list (this
 *       machine's loopback, where the simulator listens, is on it); the web-service user {@code noaccess}
 *       (password {@code noaccess}) exists with no rights: 403;</li>
 *   <li>{@code act} missing or unknown falls through to {@code list} (to {@code view} for mail, to
 *       {@code search} for extensions); list and search answer 204 when empty; list, search and view answer
 *       304 when {@code sum} is the md5 of the answer they would give;</li>
 *   <li>add answers 200 with no body (the new id in the body for users only), 400 with no body when it
 *       fails; view, edit and delete 404 for an unknown id; deleting a non-deletable entity 405;</li>
 *   <li>ids are strings, except where the document's examples show numbers (pickups, devices).</li>
 * </ul>
 *
 * <p>Dialects, for the readings of the document a real XiVO may have ({@link #options}):
 * {@code ids=document|string|number}; {@code lineAdd=numbered} (default: a line add may carry
 * {@code "linefeatures": {"number", "context"}} beside the documented {@code protocol}) or
 * {@code protocol-only} (the document's example alone: a line gets its number only when a user's
 * {@code linefeatures} attach it); {@code access=credentials|ip}.
 */
public final class XivoWsSimulator implements Simulator {

    public static final String CONFIGURATION_PREFIX = "/xivo/configuration/json.php";
    public static final String IPBX_PREFIX = "/service/ipbx/json.php";
    public static final String VERSION_HEADER = "X-XIVO-WS-VERSION";
    /** A web-service user that authenticates but has no rights: 403. */
    public static final String NO_ACCESS_LOGIN = "noaccess";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> ID_FIELDS = Set.of("id", "entityid", "iduserfeatures", "voicemailid", "pickupid",
            "memberid", "uniqueid");

    public enum IdStyle { DOCUMENT, STRING, NUMBER }

    private final SimCredentials credentials;
    private final IdStyle ids;
    private final boolean numberedLineAdd;
    private final boolean ipAccess;
    private final AtomicLong notModified = new AtomicLong();
    private XivoWsStore store = XivoWsStore.freshlyInstalled();

    public XivoWsSimulator(SimCredentials credentials) {
        this(credentials, Map.of());
    }

    /**
     * @param options dialect knobs: {@code ids}, {@code lineAdd}, {@code access}
     * @throws IllegalArgumentException naming an option or value not understood
     */
    public XivoWsSimulator(SimCredentials credentials, Map<String, String> options) {
        this.credentials = credentials;
        IdStyle idStyle = IdStyle.DOCUMENT;
        boolean numbered = true;
        boolean ip = false;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue().trim().toLowerCase(Locale.ROOT);
            switch (option.getKey()) {
                case "ids" -> idStyle = switch (value) {
                    case "document" -> IdStyle.DOCUMENT;
                    case "string" -> IdStyle.STRING;
                    case "number" -> IdStyle.NUMBER;
                    default -> throw new IllegalArgumentException("xivo-ws.ids is document, string or number, not " + value);
                };
                case "lineAdd" -> numbered = switch (value) {
                    case "numbered" -> true;
                    case "protocol-only" -> false;
                    default -> throw new IllegalArgumentException("xivo-ws.lineAdd is numbered or protocol-only, not " + value);
                };
                case "access" -> ip = switch (value) {
                    case "credentials" -> false;
                    case "ip" -> true;
                    default -> throw new IllegalArgumentException("xivo-ws.access is credentials or ip, not " + value);
                };
                default -> throw new IllegalArgumentException("the xivo-ws simulator has no option " + option.getKey()
                        + " (it has ids, lineAdd, access)");
            }
        }
        this.ids = idStyle;
        this.numberedLineAdd = numbered;
        this.ipAccess = ip;
    }

    @Override
    public String name() {
        return "xivo-ws";
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of(CONFIGURATION_PREFIX, IPBX_PREFIX);
    }

    @Override
    public synchronized JsonNode snapshot() {
        return store.snapshot();
    }

    @Override
    public synchronized void restore(JsonNode state) {
        store = XivoWsStore.restored(state);
    }

    /** How many requests were answered 304 because their {@code sum} matched. */
    public long notModifiedCount() {
        return notModified.get();
    }

    @Override
    public synchronized void handle(SimExchange exchange) throws IOException {
        exchange.setHeader(VERSION_HEADER, "1.0");
        Optional<Integer> refusal = refusal(exchange);
        if (refusal.isPresent()) {
            if (refusal.get() == 401) {
                exchange.setHeader("WWW-Authenticate", "Basic realm=\"Access Restricted\"");
            }
            exchange.respondEmpty(refusal.get());
            return;
        }
        String path = exchange.path();
        boolean configuration = path.startsWith(CONFIGURATION_PREFIX);
        String rest = path.substring((configuration ? CONFIGURATION_PREFIX : IPBX_PREFIX).length())
                .replaceAll("^/+|/+$", "");
        if (!rest.startsWith("restricted/")) {
            exchange.respondEmpty(404);
            return;
        }
        String module = rest.substring("restricted/".length());
        String act = exchange.query("act").orElse("");
        try {
            if (configuration) {
                switch (module) {
                    case "manage/entity" -> entity(exchange, act);
                    case "network/mail" -> mail(exchange, act);
                    default -> exchange.respondEmpty(404);
                }
            } else {
                switch (module) {
                    case "pbx_settings/lines" -> lines(exchange, act);
                    case "pbx_settings/devices" -> devices(exchange, act);
                    case "pbx_settings/users" -> users(exchange, act);
                    case "call_management/pickup" -> pickups(exchange, act);
                    case "system_management/extensions" -> respondList(exchange, store.freeExtensions(
                            exchange.query("context").orElse(""), exchange.query("obj").orElse(""),
                            exchange.query("number").orElse("")));
                    default -> exchange.respondEmpty(404);
                }
            }
        } catch (XivoWsRejection rejection) {
            exchange.respondEmpty(rejection.status());
        }
    }

    private Optional<Integer> refusal(SimExchange exchange) {
        Optional<String[]> basic = exchange.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
                .map(h -> {
                    try {
                        return new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8)
                                .split(":", 2);
                    } catch (IllegalArgumentException garbled) {
                        return new String[] {""};
                    }
                });
        if (basic.isPresent() && basic.get().length == 2) {
            String login = basic.get()[0];
            String password = basic.get()[1];
            if (login.equals(credentials.login()) && password.equals(credentials.password())) {
                return Optional.empty();
            }
            if (login.equals(NO_ACCESS_LOGIN) && password.equals(NO_ACCESS_LOGIN)) {
                return Optional.of(403);
            }
        }
        return ipAccess ? Optional.empty() : Optional.of(401);
    }

    // ---- modules

    private void entity(SimExchange exchange, String act) throws IOException {
        switch (act) {
            case "search" -> respondList(exchange, store.searchEntities(exchange.query("search").orElse("")));
            case "view" -> respondObject(exchange, store.viewEntity(id(exchange)));
            case "add" -> {
                store.addEntity(body(exchange));
                exchange.respondEmpty(200);
            }
            case "delete" -> {
                store.deleteEntity(id(exchange));
                exchange.respondEmpty(200);
            }
            default -> respondList(exchange, store.listEntities());
        }
    }

    private void mail(SimExchange exchange, String act) throws IOException {
        if (act.equals("edit")) {
            store.editMail(body(exchange));
            exchange.respondEmpty(200);
        } else {
            respondObject(exchange, store.viewMail());
        }
    }

    private void lines(SimExchange exchange, String act) throws IOException {
        Optional<String> free = exchange.query("free");
        Optional<String> protocol = exchange.query("protocol");
        switch (act) {
            case "search" -> respondList(exchange, store.searchLines(exchange.query("search").orElse(""),
                    exchange.query("context"), free, protocol));
            case "view" -> respondObject(exchange, store.viewLine(id(exchange)));
            case "add" -> {
                store.addLine(body(exchange), numberedLineAdd);
                exchange.respondEmpty(200);
            }
            case "edit" -> {
                String id = id(exchange);
                store.viewLine(id);
                store.editLine(id, body(exchange), numberedLineAdd);
                exchange.respondEmpty(200);
            }
            case "delete" -> {
                store.deleteLine(id(exchange));
                exchange.respondEmpty(200);
            }
            default -> respondList(exchange, store.listLines(free, protocol));
        }
    }

    private void devices(SimExchange exchange, String act) throws IOException {
        switch (act) {
            case "search" -> respondList(exchange, store.searchDevices(exchange.query("search").orElse("")));
            case "view" -> respondList(exchange, store.viewDevice(id(exchange)));
            default -> respondList(exchange, store.listDevices());
        }
    }

    private void users(SimExchange exchange, String act) throws IOException {
        switch (act) {
            case "search" -> respondList(exchange, store.searchUsers(exchange.query("search").orElse("")));
            case "view" -> respondObject(exchange, store.viewUser(id(exchange)));
            case "add" -> {
                int id = store.addUser(body(exchange));
                exchange.respondJson(200, ids == IdStyle.NUMBER ? IntNode.valueOf(id) : TextNode.valueOf(String.valueOf(id)));
            }
            case "edit" -> {
                String id = id(exchange);
                store.viewUser(id);
                store.editUser(id, body(exchange));
                exchange.respondEmpty(200);
            }
            case "delete" -> {
                store.deleteUser(id(exchange));
                exchange.respondEmpty(200);
            }
            default -> respondList(exchange, store.listUsers());
        }
    }

    private void pickups(SimExchange exchange, String act) throws IOException {
        switch (act) {
            case "view" -> respondObject(exchange, store.viewPickup(id(exchange)));
            case "add" -> {
                store.addPickup(body(exchange));
                exchange.respondEmpty(200);
            }
            case "delete" -> {
                store.deletePickup(id(exchange));
                exchange.respondEmpty(200);
            }
            default -> respondList(exchange, store.listPickups());
        }
    }

    // ---- answers

    private static String id(SimExchange exchange) {
        return exchange.query("id").orElseThrow(() -> XivoWsRejection.notFound("no id"));
    }

    private static JsonNode body(SimExchange exchange) throws IOException {
        return exchange.jsonBody().filter(JsonNode::isObject)
                .orElseThrow(() -> XivoWsRejection.badRequest("add and edit take a JSON object"));
    }

    private void respondList(SimExchange exchange, ArrayNode items) {
        if (items.isEmpty()) {
            exchange.respondEmpty(204);
            return;
        }
        respondObject(exchange, items);
    }

    private void respondObject(SimExchange exchange, JsonNode answer) {
        JsonNode rendered = render(answer, exchange.path().contains("pickup") || exchange.path().contains("devices"));
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(rendered);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        Optional<String> sum = exchange.query("sum");
        if (sum.isPresent() && sum.get().equalsIgnoreCase(md5(bytes))) {
            notModified.incrementAndGet();
            exchange.respondEmpty(304);
            return;
        }
        exchange.respondJson(200, rendered);
    }

    /** md5 of the answer's body, lowercase hex: what a client sends back as {@code sum}. */
    public static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Id fields as this dialect writes them; {@code numericInDocument}: the document's example shows numbers. */
    private JsonNode render(JsonNode node, boolean numericInDocument) {
        boolean asNumbers = ids == IdStyle.NUMBER || (ids == IdStyle.DOCUMENT && numericInDocument);
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(item -> out.add(render(item, numericInDocument)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = MAPPER.createObjectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (ID_FIELDS.contains(field.getKey()) && value.isValueNode() && value.asText().matches("-?[0-9]+")) {
                out.set(field.getKey(), asNumbers ? IntNode.valueOf(value.asInt()) : TextNode.valueOf(value.asText()));
            } else {
                out.set(field.getKey(), render(value, numericInDocument));
            }
        });
        return out;
    }
}
