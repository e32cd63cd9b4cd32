package dev.switchboard.systems.sipxconfig.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.SimExchange;
import dev.switchboard.sim.Simulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sipXconfig user REST API under {@code /sipxconfig/rest/my/...} (seed 001), and what the sipXecs source
 * adds to the document (research notes 1a). Every call is HTTP Basic as a user and acts on that user.
 *
 * <ul>
 *   <li>JSON by default, XML when {@code Accept} asks for it on the resources the document shows in XML
 *       (call forwarding, active calls, phonebooks, contact information, conferences, login details).</li>
 *   <li>XStream resources answer JSON wrapped in their root element with alias names
 *       ({@code {"contact-information": {...}}}, entries with {@code first-name}); Jackson resources (voicemail
 *       preferences, attendant, speed dial, IM preferences, schedules) answer bare JSON, ignore unknown keys and
 *       answer 500 to a body they cannot read or an enumeration value they do not know.</li>
 *   <li>A phonebook entry is created by {@code POST /my/phonebook/entry/{anything}}: 200, no body, no id;
 *       a duplicate (same first name, last name and number) is the non-standard status 747; missing names or
 *       number, or a bad e-mail address, are 400.</li>
 *   <li>Voicemail preferences merge (absent or null fields keep their value) and are silently not saved for
 *       a user without voicemail permission; a speed dial PUT for a user without a personal one is 404.</li>
 * </ul>
 * Knobs: {@link SipxconfigSimOptions}.
 */
public final class SipxconfigSimulator implements Simulator {

    public static final String PREFIX = "/sipxconfig/rest";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^([a-zA-Z0-9_.\\-+])+@(([a-zA-Z0-9\\-])+\\.)+[a-zA-Z0-9]{2,4}$");
    private static final Set<String> RING_TYPES = Set.of("If no response", "At the same time");
    private static final Set<String> EMAIL_FORMATS = Set.of("FULL", "MEDIUM", "BRIEF");
    private static final Set<String> GREETINGS = Set.of("NONE", "STANDARD", "OUT_OF_OFFICE", "EXTENDED_ABSENCE");
    private static final Set<String> ATTACH_TYPES = Set.of("NO", "YES", "IMAP");
    private static final List<String> ENTRY_CONTACT = List.of("jobTitle", "jobDept", "companyName", "imId",
            "imDisplayName", "emailAddress", "avatar");
    private static final List<String> CONTACT_EDITABLE = List.of("jobTitle", "jobDept", "companyName", "homeAddress",
            "officeAddress", "branchAddress", "imId", "imDisplayName", "emailAddress", "useBranchAddress", "salutation",
            "twiterName", "linkedinName", "facebookName", "xingName", "firstName", "lastName");

    private static final Set<String> ADDRESSES = Set.of("homeAddress", "officeAddress", "branchAddress");

    private final SipxconfigSimOptions options;
    private SipxconfigStore store;

    public SipxconfigSimulator() {
        this(SipxconfigSimOptions.DEFAULT);
    }

    public SipxconfigSimulator(SipxconfigSimOptions options) {
        this.options = options;
        this.store = SipxconfigStore.freshlyInstalled(options);
    }

    @Override
    public String name() {
        return "sipxconfig";
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
        store = SipxconfigStore.restored(state, options);
    }

    /** An error answer: its status and the text Restlet would put in its body. */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    public synchronized void handle(SimExchange exchange) throws IOException {
        try {
            String user = authenticate(exchange);
            List<String> path = List.of(exchange.path().substring(PREFIX.length()).replaceAll("^/+|/+$", "").split("/+"));
            if (path.isEmpty() || !path.get(0).equals("my")) {
                throw new Refusal(404, "The server has not found anything matching the request URI");
            }
            route(exchange, user, path.subList(1, path.size()));
        } catch (Refusal refusal) {
            byte[] text = refusal.getMessage().getBytes(StandardCharsets.UTF_8);
            if (refusal.status == 401) {
                exchange.setHeader("WWW-Authenticate", "Basic realm=\"sipXconfig\"");
            }
            exchange.respond(refusal.status, "text/plain; charset=UTF-8", text);
        }
    }

    private String authenticate(SimExchange exchange) {
        Optional<String> header = exchange.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Refusal(401, "Unauthorized");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new Refusal(401, "Unauthorized");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new Refusal(401, "Unauthorized");
        }
        String name = decoded.substring(0, colon);
        Optional<ObjectNode> user = store.user(name);
        if (user.isEmpty() || !user.get().path("password").asText().equals(decoded.substring(colon + 1))) {
            throw new Refusal(401, "Unauthorized");
        }
        return name;
    }

    private void route(SimExchange exchange, String user, List<String> path) throws IOException {
        String method = exchange.method();
        ObjectNode me = store.user(user).orElseThrow();
        String first = path.isEmpty() ? "" : path.get(0);
        switch (first) {
            case "callfwd" -> callForwarding(exchange, method, me, path);
            case "forward" -> forwarding(exchange, method, me, path);
            case "callfwdsched" -> schedules(exchange, method, me, path);
            case "activecdrs" -> {
                only(method, path, 1, "GET");
                answer(exchange, true, "cdrs", me.get("cdrs"));
            }
            case "voicemail" -> voicemail(exchange, method, me, path);
            case "vmprefs" -> voicemailPreferences(exchange, method, me, path);
            case "phonebook" -> phonebook(exchange, method, user, path);
            case "pagedphonebook" -> {
                only(method, path, 1, "GET");
                pagedPhonebook(exchange, user);
            }
            case "search" -> {
                if (path.size() != 2 || !path.get(1).equals("phonebook")) {
                    throw notFound();
                }
                only(method, path, 2, "GET");
                search(exchange, user);
            }
            case "contact-information" -> contactInformation(exchange, method, me, path);
            case "im" -> jacksonSettings(exchange, method, me, path, "prefs", "im");
            case "imbot" -> jacksonSettings(exchange, method, me, path, "prefs", "imbot");
            case "speeddial" -> speedDial(exchange, method, me, path);
            case "conferences" -> conferences(exchange, method, user, path);
            case "conferencedetails" -> conferenceDetails(exchange, method, user, path);
            case "faxprefs" -> {
                only(method, path, 1, "GET");
                exchange.respondJson(200, me.get("fax"));
            }
            case "logindetails" -> {
                only(method, path, 1, "GET");
                answer(exchange, true, "login-details", me.get("login"));
            }
            default -> throw notFound();
        }
    }

    // ---- call forwarding

    private void callForwarding(SimExchange exchange, String method, ObjectNode me, List<String> path) throws IOException {
        only(method, path, 1, "GET", "PUT");
        ObjectNode callfwd = (ObjectNode) me.get("callfwd");
        if (method.equals("GET")) {
            if (wantsXml(exchange)) {
                respondXml(exchange, "callsequence", callSequence(me, false));
            } else if (options.documentDialect()) {
                ObjectNode wrapped = JSON.objectNode();
                wrapped.set("callsequence", callSequence(me, false));
                exchange.respondJson(200, wrapped);
            } else {
                ObjectNode bare = JSON.objectNode();
                ArrayNode rings = bare.putArray("rings");
                for (JsonNode ring : callfwd.get("rings")) {
                    ObjectNode r = ring.deepCopy();
                    r.set("scheduleId", ring.has("scheduleId") ? ring.get("scheduleId") : JSON.nullNode());
                    rings.add(r);
                }
                bare.put("withVM", me.path("voicemailPermission").asBoolean());
                bare.put("expiration", callfwd.path("expiration").asInt());
                exchange.respondJson(200, bare);
            }
            return;
        }
        JsonNode body = unwrap(jacksonBody(exchange), "callsequence");
        callfwd.set("rings", rings(body.path("rings"), false));
        callfwd.put("expiration", body.path("expiration").asInt(0));
        JsonNode withVoicemail = body.has("withVoicemail") ? body.get("withVoicemail") : body.get("withVM");
        if (options.documentDialect() && withVoicemail != null && !withVoicemail.isNull()) {
            callfwd.put("withVoicemail", withVoicemail.asBoolean());
        }
        exchange.respondEmpty(200);
    }

    private ObjectNode callSequence(ObjectNode me, boolean withPositions) {
        ObjectNode callfwd = (ObjectNode) me.get("callfwd");
        ObjectNode sequence = JSON.objectNode();
        ArrayNode rings = sequence.putArray("rings");
        int position = 0;
        for (JsonNode ring : callfwd.get("rings")) {
            ObjectNode r = JSON.objectNode();
            r.set("expiration", ring.get("expiration"));
            r.set("type", ring.get("type"));
            r.set("enabled", ring.get("enabled"));
            r.set("number", ring.get("number"));
            if (withPositions) {
                r.put("position", position++);
            }
            rings.add(r);
        }
        sequence.put("expiration", callfwd.path("expiration").asInt());
        sequence.put("withVoicemail", options.documentDialect()
                ? callfwd.path("withVoicemail").asBoolean() : me.path("voicemailPermission").asBoolean());
        return sequence;
    }

    private static ArrayNode rings(JsonNode given, boolean byPosition) {
        List<JsonNode> items = new ArrayList<>();
        elements(given).forEach(items::add);
        if (byPosition) {
            items.sort((a, b) -> Integer.compare(a.path("position").asInt(), b.path("position").asInt()));
        }
        ArrayNode rings = JSON.arrayNode();
        for (JsonNode ring : items) {
            String type = ring.path("type").asText("");
            if (!RING_TYPES.contains(type)) {
                throw new Refusal(500, "Internal Server Error");
            }
            ObjectNode r = JSON.objectNode();
            r.put("expiration", ring.path("expiration").asInt(0));
            r.put("type", type);
            r.put("enabled", ring.path("enabled").asBoolean(false));
            r.put("number", ring.path("number").asText(""));
            if (ring.hasNonNull("scheduleId") && !ring.path("scheduleId").asText().isEmpty()) {
                r.put("scheduleId", ring.path("scheduleId").asLong());
            }
            rings.add(r);
        }
        return rings;
    }

    /** The legacy {@code /my/forward} (XStream, root {@code call-sequence}): rings re-sorted by position on PUT. */
    private void forwarding(SimExchange exchange, String method, ObjectNode me, List<String> path) throws IOException {
        only(method, path, 1, "GET", "PUT");
        if (method.equals("GET")) {
            answer(exchange, true, "call-sequence", callSequence(me, true));
            return;
        }
        JsonNode body = unwrap(xstreamBody(exchange), "call-sequence");
        ObjectNode callfwd = (ObjectNode) me.get("callfwd");
        callfwd.set("rings", rings(body.path("rings"), true));
        if (body.has("expiration")) {
            callfwd.put("expiration", body.path("expiration").asInt());
        }
        if (body.has("withVoicemail") && options.documentDialect()) {
            callfwd.put("withVoicemail", body.path("withVoicemail").asBoolean());
        }
        exchange.respondEmpty(200);
    }

    // ---- schedules

    private void schedules(SimExchange exchange, String method, ObjectNode me, List<String> path) throws IOException {
        ArrayNode schedules = (ArrayNode) me.get("schedules");
        if (path.size() == 1) {
            switch (method) {
                case "GET" -> exchange.respondJson(200, schedules);
                case "POST" -> {
                    ObjectNode schedule = schedule(jacksonBody(exchange), schedules, -1);
                    schedule.put("scheduleId", store.nextScheduleId());
                    schedules.add(schedule);
                    exchange.respondJson(200, schedule);
                }
                case "PUT", "DELETE" -> throw new Refusal(403, "Forbidden: no schedule id");
                default -> throw notAllowed();
            }
            return;
        }
        if (path.size() != 2) {
            throw notFound();
        }
        long id;
        try {
            id = Long.parseLong(path.get(1));
        } catch (NumberFormatException e) {
            throw new Refusal(500, "Internal Server Error");
        }
        int index = -1;
        for (int i = 0; i < schedules.size(); i++) {
            if (schedules.get(i).path("scheduleId").asLong() == id) {
                index = i;
            }
        }
        switch (method) {
            case "GET" -> {
                if (index < 0) {
                    throw new Refusal(500, "Internal Server Error");
                }
                exchange.respondJson(200, schedules.get(index));
            }
            case "PUT" -> {
                if (index < 0) {
                    throw new Refusal(500, "Internal Server Error");
                }
                ObjectNode schedule = schedule(jacksonBody(exchange), schedules, id);
                schedule.put("scheduleId", id);
                schedules.set(index, schedule);
                exchange.respondEmpty(200);
            }
            case "DELETE" -> {
                if (index >= 0) {
                    schedules.remove(index);
                }
                exchange.respondEmpty(200);
            }
            default -> throw notAllowed();
        }
    }

    /** A schedule as sent: periods of {@code HH:MM} that do not overlap on the same day, or 422. */
    private static ObjectNode schedule(JsonNode body, ArrayNode existing, long id) {
        ObjectNode schedule = JSON.objectNode();
        schedule.put("name", body.path("name").asText(""));
        schedule.put("description", body.path("description").asText(""));
        ArrayNode periods = schedule.putArray("periods");
        List<int[]> spans = new ArrayList<>();
        for (JsonNode period : elements(body.path("periods"))) {
            int start = minutes(period.path("start").asText());
            int end = minutes(period.path("end").asText());
            int day = period.path("scheduledDay").asInt(0);
            if (start < 0 || end < 0 || end <= start) {
                throw new Refusal(422, "Unprocessable Entity: invalid period");
            }
            for (int[] span : spans) {
                if (span[0] == day && start < span[2] && span[1] < end) {
                    throw new Refusal(422, "Unprocessable Entity: overlapping periods");
                }
            }
            spans.add(new int[] {day, start, end});
            periods.add(period.deepCopy());
        }
        if (schedule.path("name").asText().isEmpty()) {
            throw new Refusal(422, "Unprocessable Entity: a schedule needs a name");
        }
        for (JsonNode other : existing) {
            if (other.path("scheduleId").asLong() != id && other.path("name").asText().equals(schedule.path("name").asText())) {
                throw new Refusal(422, "Unprocessable Entity: a schedule of that name exists");
            }
        }
        return schedule;
    }

    private static int minutes(String hhmm) {
        String[] parts = hhmm.split(":");
        try {
            int h = Integer.parseInt(parts[0]);
            int m = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return h < 0 || h > 24 || m < 0 || m > 59 ? -1 : h * 60 + m;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- voicemail

    private void voicemail(SimExchange exchange, String method, ObjectNode me, List<String> path) throws IOException {
        if (path.size() == 3 && path.get(1).equals("pin")) {
            if (!method.equals("PUT")) {
                throw notAllowed();
            }
            String pin = path.get(2);
            if (!pin.chars().allMatch(Character::isDigit) || pin.length() < 4 || pin.length() > 10) {
                throw new Refusal(400, "Bad Request: the PIN cannot be saved");
            }
            me.put("pinHash", SipxconfigStore.pinHash(pin));
            exchange.respondEmpty(200);
            return;
        }
        if (path.size() == 2 && path.get(1).equals("attendant")) {
            only(method, path, 2, "GET", "PUT");
            ObjectNode attendant = (ObjectNode) me.get("attendant");
            if (method.equals("GET")) {
                ObjectNode answer = JSON.objectNode();
                answer.put("personalAttendantPermission", me.path("voicemailPermission").asBoolean());
                answer.setAll(attendant);
                exchange.respondJson(200, answer);
                return;
            }
            JsonNode body = jacksonBody(exchange);
            for (String field : List.of("language", "operator", "menu", "overrideLanguage", "depositVM",
                    "playVMDefaultOptions")) {
                if (body.has(field)) {
                    attendant.set(field, body.get(field));
                }
            }
            exchange.respondEmpty(200);
            return;
        }
        throw notFound();
    }

    private void voicemailPreferences(SimExchange exchange, String method, ObjectNode me, List<String> path)
            throws IOException {
        only(method, path, 1, "GET", "PUT");
        ObjectNode vmprefs = (ObjectNode) me.get("vmprefs");
        if (method.equals("GET")) {
            ObjectNode answer = JSON.objectNode();
            answer.put("voicemailPermission", me.path("voicemailPermission").asBoolean());
            answer.setAll(vmprefs);
            exchange.respondJson(200, answer);
            return;
        }
        JsonNode body = jacksonBody(exchange);
        enumeration(body, "emailFormat", EMAIL_FORMATS);
        enumeration(body, "altEmailFormat", EMAIL_FORMATS);
        enumeration(body, "greeting", GREETINGS);
        enumeration(body, "emailAttachType", ATTACH_TYPES);
        enumeration(body, "altEmailAttachType", ATTACH_TYPES);
        if (me.path("voicemailPermission").asBoolean()) {
            Iterator<String> names = vmprefs.fieldNames();
            List<String> known = new ArrayList<>();
            names.forEachRemaining(known::add);
            for (String field : known) {
                if (body.hasNonNull(field)) {
                    vmprefs.set(field, body.get(field));
                }
            }
        }
        exchange.respondEmpty(200);
    }

    private static void enumeration(JsonNode body, String field, Set<String> allowed) {
        if (body.hasNonNull(field) && !allowed.contains(body.get(field).asText())) {
            throw new Refusal(500, "Internal Server Error");
        }
    }

    // ---- settings read and replaced whole (Jackson)

    private void jacksonSettings(SimExchange exchange, String method, ObjectNode me, List<String> path, String leaf,
                                 String stored) throws IOException {
        if (path.size() != 2 || !path.get(1).equals(leaf)) {
            throw notFound();
        }
        only(method, path, 2, "GET", "PUT");
        ObjectNode settings = (ObjectNode) me.get(stored);
        if (method.equals("GET")) {
            exchange.respondJson(200, settings);
            return;
        }
        JsonNode body = jacksonBody(exchange);
        List<String> known = new ArrayList<>();
        settings.fieldNames().forEachRemaining(known::add);
        for (String field : known) {
            JsonNode value = body.get(field);
            if (settings.get(field).isBoolean()) {
                settings.put(field, value != null && value.asBoolean());
            } else {
                settings.set(field, value == null ? JSON.nullNode() : value);
            }
        }
        exchange.respondEmpty(200);
    }

    private void speedDial(SimExchange exchange, String method, ObjectNode me, List<String> path) throws IOException {
        only(method, path, 1, "GET", "PUT");
        JsonNode personal = me.get("speeddial");
        boolean hasPersonal = personal != null && personal.isObject();
        if (method.equals("GET")) {
            ObjectNode answer = JSON.objectNode();
            answer.set("buttons", hasPersonal ? personal.get("buttons") : store.groupSpeedDial().get("buttons"));
            answer.put("groupSpeedDial", !hasPersonal || personal.path("groupSpeedDial").asBoolean());
            answer.put("canSubscribeToPresence", true);
            exchange.respondJson(200, answer);
            return;
        }
        if (!hasPersonal) {
            throw new Refusal(404, "Not Found: the user has no personal speed dial");
        }
        JsonNode body = jacksonBody(exchange);
        ArrayNode buttons = JSON.arrayNode();
        for (JsonNode button : elements(body.path("buttons"))) {
            ObjectNode b = JSON.objectNode();
            b.put("number", button.path("number").asText(""));
            b.set("label", button.hasNonNull("label") ? button.get("label") : JSON.nullNode());
            b.put("blf", button.path("blf").asBoolean(false));
            buttons.add(b);
        }
        ((ObjectNode) personal).set("buttons", buttons);
        ((ObjectNode) personal).put("groupSpeedDial", body.path("groupSpeedDial").asBoolean(false));
        exchange.respondEmpty(200);
    }

    // ---- contact information (XStream)

    private void contactInformation(SimExchange exchange, String method, ObjectNode me, List<String> path)
            throws IOException {
        only(method, path, 1, "GET", "PUT");
        ObjectNode contact = (ObjectNode) me.get("contact");
        if (method.equals("GET")) {
            answer(exchange, true, "contact-information", contact);
            return;
        }
        JsonNode body = unwrap(xstreamBody(exchange), "contact-information");
        for (String field : CONTACT_EDITABLE) {
            JsonNode value = body.get(field);
            if (ADDRESSES.contains(field)) {
                contact.set(field, value != null && value.isObject() ? value : JSON.objectNode());
            } else if (field.equals("useBranchAddress")) {
                contact.put(field, value != null && value.asBoolean());
            } else {
                contact.set(field, value == null ? JSON.nullNode() : value);
            }
        }
        exchange.respondEmpty(200);
    }

    // ---- phonebook (XStream)

    private void phonebook(SimExchange exchange, String method, String user, List<String> path) throws IOException {
        if (path.size() == 1) {
            switch (method) {
                case "GET" -> answer(exchange, true, "phonebook", entries(user, options.listsEntryIds(), null));
                case "POST" -> {
                    JsonNode body = xstreamBody(exchange);
                    JsonNode list = body.has("phonebook") ? body.get("phonebook") : body;
                    if (list.isObject() && list.has("entry")) {
                        list = list.get("entry");
                    }
                    for (JsonNode item : elements(list)) {
                        ObjectNode entry = entry(unwrap(item, "entry"));
                        entry.put("owner", user);
                        entry.put("id", store.nextEntryId());
                        store.phonebook().add(entry);
                    }
                    exchange.respondEmpty(200);
                }
                default -> throw notAllowed();
            }
            return;
        }
        if (path.size() != 3 || !path.get(1).equals("entry")) {
            throw notFound();
        }
        String entryId = path.get(2);
        switch (method) {
            case "POST" -> {
                ObjectNode entry = entry(unwrap(xstreamBody(exchange), "entry"));
                if (duplicate(user, entry, -1)) {
                    throw new Refusal(747, "Duplicate Entry");
                }
                entry.put("owner", user);
                entry.put("id", store.nextEntryId());
                store.phonebook().add(entry);
                exchange.respondEmpty(200);
            }
            case "GET" -> {
                long id = entryId(entryId);
                Optional<ObjectNode> entry = ownEntry(user, id);
                if (entry.isEmpty()) {
                    exchange.respondEmpty(200);
                } else {
                    answer(exchange, true, "entry", representation(entry.get(), true));
                }
            }
            case "PUT" -> {
                long id = entryId(entryId);
                ObjectNode existing = anyEntry(id).orElseThrow(() -> new Refusal(500, "Internal Server Error"));
                ObjectNode changed = entry(unwrap(xstreamBody(exchange), "entry"));
                if (duplicate(existing.path("owner").asText(), changed, id)) {
                    throw new Refusal(747, "Duplicate Entry");
                }
                existing.setAll(changed);
                exchange.respondEmpty(200);
            }
            case "DELETE" -> {
                long id = entryId(entryId);
                ArrayNode phonebook = store.phonebook();
                for (int i = 0; i < phonebook.size(); i++) {
                    if (phonebook.get(i).path("id").asLong() == id && phonebook.get(i).path("owner").asText().equals(user)) {
                        phonebook.remove(i);
                        break;
                    }
                }
                exchange.respondEmpty(200);
            }
            default -> throw notAllowed();
        }
    }

    private static long entryId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Refusal(500, "Internal Server Error");
        }
    }

    /**
     * An entry as written, in any of the three spellings seen in the wild: the aliases the server reads back
     * ({@code first-name}), the document's ({@code firstname}, {@code contactinformation}) and the user portal's
     * ({@code firstName}, {@code contact-information}). 400 without names or number, or with a bad e-mail.
     */
    private static ObjectNode entry(JsonNode body) {
        String first = firstText(body, "first-name", "firstname", "firstName");
        String last = firstText(body, "last-name", "lastname", "lastName");
        String number = firstText(body, "number");
        if (first == null || first.isBlank()) {
            throw new Refusal(400, "First Name cannot be Null");
        }
        if (last == null || last.isBlank()) {
            throw new Refusal(400, "Last Name cannot be Null");
        }
        if (number == null || number.isBlank()) {
            throw new Refusal(400, "Number cannot be Null");
        }
        JsonNode given = body.has("contact-information") ? body.get("contact-information")
                : body.has("contactinformation") ? body.get("contactinformation") : body.path("contactInformation");
        ObjectNode contact = JSON.objectNode();
        if (given.isObject()) {
            given.fields().forEachRemaining(f -> {
                if (ADDRESSES.contains(f.getKey())) {
                    contact.set(f.getKey(), f.getValue().isObject() ? f.getValue() : JSON.objectNode());
                } else if (!f.getValue().isNull()) {
                    contact.set(f.getKey(), f.getValue());
                }
            });
        }
        String email = contact.path("emailAddress").asText("");
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw new Refusal(400, "Invalid Email Address");
        }
        ObjectNode entry = JSON.objectNode();
        entry.put("firstName", first);
        entry.put("lastName", last);
        entry.put("number", number);
        entry.set("contactInformation", contact);
        return entry;
    }

    private static String firstText(JsonNode body, String... names) {
        for (String name : names) {
            if (body.hasNonNull(name)) {
                return body.get(name).asText();
            }
        }
        return null;
    }

    private boolean duplicate(String owner, ObjectNode entry, long exceptId) {
        for (JsonNode other : store.phonebook()) {
            if (other.path("owner").asText().equals(owner) && other.path("id").asLong() != exceptId
                    && other.path("firstName").asText().equals(entry.path("firstName").asText())
                    && other.path("lastName").asText().equals(entry.path("lastName").asText())
                    && other.path("number").asText().equals(entry.path("number").asText())) {
                return true;
            }
        }
        return false;
    }

    private Optional<ObjectNode> ownEntry(String user, long id) {
        return anyEntry(id).filter(e -> e.path("owner").asText().equals(user));
    }

    private Optional<ObjectNode> anyEntry(long id) {
        for (JsonNode entry : store.phonebook()) {
            if (entry.path("id").asLong() == id) {
                return Optional.of((ObjectNode) entry);
            }
        }
        return Optional.empty();
    }

    /** The entry as XStream writes it: alias names, its id only where this version shows it. */
    private static ObjectNode representation(JsonNode entry, boolean withId) {
        ObjectNode out = JSON.objectNode();
        if (withId) {
            out.put("id", entry.path("id").asLong());
        }
        out.set("first-name", entry.get("firstName"));
        out.set("last-name", entry.get("lastName"));
        out.set("number", entry.get("number"));
        ObjectNode contact = out.putObject("contact-information");
        JsonNode given = entry.path("contactInformation");
        contact.set("homeAddress", given.has("homeAddress") ? given.get("homeAddress") : JSON.objectNode());
        contact.set("officeAddress", given.has("officeAddress") ? given.get("officeAddress") : JSON.objectNode());
        given.fields().forEachRemaining(f -> {
            if (!ADDRESSES.contains(f.getKey())) {
                contact.set(f.getKey(), f.getValue());
            }
        });
        return out;
    }

    private ArrayNode entries(String user, boolean withIds, String query) {
        ArrayNode list = JSON.arrayNode();
        for (JsonNode entry : store.phonebook()) {
            if (entry.path("owner").asText().equals(user) && (query == null || matches(entry, query))) {
                list.add(representation(entry, withIds));
            }
        }
        return list;
    }

    private static boolean matches(JsonNode entry, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>(List.of(entry.path("firstName").asText(), entry.path("lastName").asText(),
                entry.path("number").asText()));
        for (String field : ENTRY_CONTACT) {
            values.add(entry.path("contactInformation").path(field).asText(""));
        }
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(q));
    }

    private void pagedPhonebook(SimExchange exchange, String user) throws IOException {
        ArrayNode all = entries(user, true, null);
        int start = Math.max(0, intParam(exchange, "start", 0));
        int end = Math.min(all.size(), Math.max(start, intParam(exchange, "end", all.size())));
        ArrayNode page = JSON.arrayNode();
        for (int i = start; i < end; i++) {
            page.add(all.get(i));
        }
        boolean xml = wantsXml(exchange);
        ObjectNode phonebook = JSON.objectNode();
        phonebook.put("size", all.size());
        phonebook.put(xml ? "filtered-size" : "filteredsize", all.size());
        phonebook.put(xml ? "start-row" : "startrow", start);
        phonebook.put(xml ? "end-row" : "endrow", end);
        phonebook.put(xml ? "show-on-phone" : "showonphone", "n/a");
        phonebook.put(xml ? "google-domain" : "googledomain", "gmail.com");
        phonebook.set("entries", page);
        answer(exchange, true, "phonebook", phonebook);
    }

    private static int intParam(SimExchange exchange, String name, int fallback) {
        try {
            return exchange.query(name).map(String::trim).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Bad Request: " + name + " is not a number");
        }
    }

    private void search(SimExchange exchange, String user) throws IOException {
        String query = exchange.query("query").orElse("");
        answer(exchange, true, "phonebook", entries(user, options.listsEntryIds(), query));
    }

    // ---- conferences

    private void conferences(SimExchange exchange, String method, String user, List<String> path) throws IOException {
        if (path.size() == 1) {
            only(method, path, 1, "GET");
            ArrayNode list = JSON.arrayNode();
            store.conferences().fields().forEachRemaining(c -> {
                if (c.getValue().path("owner").asText().equals(user)) {
                    ObjectNode item = JSON.objectNode();
                    for (String field : List.of("enabled", "name", "description", "extension", "accessCode")) {
                        item.set(field, c.getValue().get(field));
                    }
                    list.add(item);
                }
            });
            answer(exchange, true, "conferences", list);
            return;
        }
        if (path.size() != 2) {
            throw notFound();
        }
        only(method, path, 2, "GET", "PUT");
        ObjectNode conference = owned(user, path.get(1));
        if (method.equals("GET")) {
            ObjectNode setting = JSON.objectNode();
            for (String field : List.of("enabled", "name", "autorecorded", "quickstart", "video", "sendActiveVideoOnly",
                    "maxMembers", "moh", "moderatedRoom", "publicRoom")) {
                setting.set(field, conference.get(field));
            }
            answer(exchange, true, "setting", setting);
            return;
        }
        JsonNode body = unwrap(xstreamBody(exchange), "setting");
        for (String field : List.of("enabled", "autorecorded", "quickstart", "video", "sendActiveVideoOnly",
                "moderatedRoom", "publicRoom")) {
            if (body.hasNonNull(field)) {
                conference.put(field, body.get(field).asBoolean());
            }
        }
        if (body.hasNonNull("maxMembers")) {
            conference.put("maxMembers", body.get("maxMembers").asInt());
        }
        if (body.hasNonNull("moh")) {
            conference.put("moh", body.get("moh").asText());
        }
        exchange.respondEmpty(200);
    }

    private ObjectNode owned(String user, String name) {
        JsonNode conference = store.conferences().get(name);
        if (conference == null) {
            throw new Refusal(404, "Not Found: no conference " + name);
        }
        if (!conference.path("owner").asText().equals(user)) {
            throw new Refusal(403, "Forbidden: the conference belongs to another user");
        }
        return (ObjectNode) conference;
    }

    private void conferenceDetails(SimExchange exchange, String method, String user, List<String> path) throws IOException {
        if (path.size() != 2) {
            throw notFound();
        }
        only(method, path, 2, "GET");
        ObjectNode conference = owned(user, path.get(1));
        if (conference.path("members").isEmpty()) {
            throw new Refusal(406, "Not Acceptable: the conference is not active");
        }
        ObjectNode details = JSON.objectNode();
        details.set("extension", conference.get("extension"));
        details.set("description", conference.get("description"));
        details.set("locked", conference.get("locked"));
        details.set("members", conference.get("members"));
        answer(exchange, true, "conference", details);
    }

    // ---- representations

    private static boolean wantsXml(SimExchange exchange) {
        String accept = exchange.header("Accept").orElse("").toLowerCase(Locale.ROOT);
        return accept.contains("xml") && !accept.contains("json");
    }

    /** XML when asked for, else JSON wrapped in the root element as XStream's JSON driver writes it. */
    private static void answer(SimExchange exchange, boolean wrapped, String root, JsonNode value) {
        if (wantsXml(exchange)) {
            respondXml(exchange, root, value);
            return;
        }
        if (!wrapped) {
            exchange.respondJson(200, value);
            return;
        }
        ObjectNode wrapper = JSON.objectNode();
        wrapper.set(root, value);
        exchange.respondJson(200, wrapper);
    }

    private static void respondXml(SimExchange exchange, String root, JsonNode value) {
        exchange.respond(200, "application/xml; charset=UTF-8", Xml.write(root, value).getBytes(StandardCharsets.UTF_8));
    }

    /** A Jackson resource's body: JSON only; anything unreadable is 500, as JacksonConvert answers it. */
    private static JsonNode jacksonBody(SimExchange exchange) throws IOException {
        try {
            JsonNode body = MAPPER.readTree(exchange.body());
            if (body == null || !body.isObject()) {
                throw new Refusal(500, "Internal Server Error");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            throw new Refusal(500, "Internal Server Error");
        }
    }

    /** An XStream resource's body: JSON or XML; 400 when it is neither. */
    private static JsonNode xstreamBody(SimExchange exchange) throws IOException {
        byte[] body = exchange.body();
        Optional<JsonNode> json = exchange.jsonBody();
        if (json.isPresent() && json.get().isContainerNode()) {
            return json.get();
        }
        return Xml.read(body).map(x -> (JsonNode) x).orElseThrow(() -> new Refusal(400, "Bad Request: unreadable body"));
    }

    /** {@code {"root": {...}}} to its content; anything else as it is. */
    private static JsonNode unwrap(JsonNode body, String root) {
        if (body.isObject() && body.size() == 1 && body.has(root) && body.get(root).isObject()) {
            return body.get(root);
        }
        return body;
    }

    private static Iterable<JsonNode> elements(JsonNode list) {
        if (list.isArray()) {
            return list;
        }
        if (list.isObject()) {
            return List.of(list);
        }
        return List.of();
    }

    private static void only(String method, List<String> path, int size, String... methods) {
        if (path.size() != size) {
            throw notFound();
        }
        if (!List.of(methods).contains(method)) {
            throw notAllowed();
        }
    }

    private static Refusal notFound() {
        return new Refusal(404, "Not Found");
    }

    private static Refusal notAllowed() {
        return new Refusal(405, "Method Not Allowed");
    }

    /** For tests and the state endpoint: the state as it is. */
    synchronized Map<String, JsonNode> users() {
        Map<String, JsonNode> users = new java.util.LinkedHashMap<>();
        store.state().path("users").fields().forEachRemaining(u -> users.put(u.getKey(), u.getValue()));
        return users;
    }
}
