package dev.switchboard.systems.xivows.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The state of one simulated XiVO and the rules of its web services. Ids are numbers here; the simulator
 * renders them as its dialect says. Every answer is a fresh tree, so callers may change it.
 *
 * <p>A fresh store is a XiVO just past its installation wizard: the entity {@code xivo} ("XiVO", not
 * deletable), the mail settings (id 1, domain {@code localdomain}, origin {@code xivo}, no relay, no
 * rewriting rule), the context {@code default} (users 1000-4999, groups 5000-5099, queues 5100-5199,
 * conference rooms 5200-5299; incoming calls live in another context), and no line, user, pickup group or
 * device.
 */
final class XivoWsStore {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final Set<String> PROTOCOLS = Set.of("sip", "iax", "sccp");
    static final List<String> DIALACTION_EVENTS = List.of("noanswer", "busy", "congestion", "chanunavail");
    static final Set<String> ACTION_TYPES = Set.of("none", "endcall:busy", "endcall:congestion", "endcall:hangup",
            "user", "group", "queue", "meetme", "voicemail", "voicemenu", "schedule", "extension", "application",
            "sound", "custom", "outcall");
    static final List<String> ENTITY_FIELDS = List.of("name", "displayname", "phonenumber", "faxnumber", "email",
            "url", "address1", "address2", "city", "state", "zipcode", "country", "description");
    static final List<String> MAIL_FIELDS = List.of("mydomain", "origin", "relayhost", "fallback_relayhost");
    static final List<String> LINEFEATURES_ARRAYS = List.of("id", "protocol", "name", "context", "number",
            "rules_type", "rules_time", "rules_order", "rules_group");
    static final List<String> FUNCKEY_ARRAYS = List.of("fknum", "type", "typeval", "supervision");

    /** The {@code userfeatures} a user gets where its add leaves them out: the document's full example. */
    private static final ObjectNode USER_DEFAULTS = JSON.objectNode()
            .put("lastname", "").put("callerid", "").put("loginclient", "").put("passwdclient", "")
            .put("mobilephonenumber", "").put("ringseconds", "30").put("simultcalls", "5")
            .put("musiconhold", "default").put("enableclient", "0").put("profileclient", "")
            .put("enablehint", "1").put("enablevoicemail", "0").put("enablexfer", "1").put("enableautomon", "0")
            .put("callrecord", "0").put("callfilter", "0").put("enablednd", "0").put("bsfilter", "no")
            .put("agentid", "").put("enablerna", "0").put("destrna", "").put("enablebusy", "0").put("destbusy", "")
            .put("enableunc", "0").put("destunc", "").put("outcallerid", "default").put("preprocess_subroutine", "")
            .put("language", "").put("timezone", "").put("ringintern", "").put("ringextern", "").put("ringgroup", "")
            .put("ringforward", "").put("rightcallcode", "").put("alarmclock", "00:00").put("pitchdirection", "")
            .put("pitch", "").put("description", "");

    private ObjectNode state;

    private XivoWsStore(ObjectNode state) {
        this.state = state;
    }

    static XivoWsStore freshlyInstalled() {
        ObjectNode state = JSON.objectNode();
        ObjectNode next = state.putObject("next");
        next.put("entity", 2).put("line", 1).put("user", 1).put("pickup", 0).put("voicemail", 1);
        ObjectNode entity = state.putArray("entities").addObject().put("id", 1);
        for (String field : ENTITY_FIELDS) {
            entity.put(field, "");
        }
        entity.put("name", "xivo").put("displayname", "XiVO").put("deletable", false);
        ObjectNode mail = state.putObject("mail").put("id", 1).put("mydomain", "localdomain").put("origin", "xivo")
                .put("relayhost", "").put("fallback_relayhost", "");
        mail.putArray("canonical");
        ObjectNode contexts = state.putObject("contexts");
        ObjectNode defaults = contexts.putObject("default");
        defaults.putArray("user").add(1000).add(4999);
        defaults.putArray("group").add(5000).add(5099);
        defaults.putArray("queue").add(5100).add(5199);
        defaults.putArray("meetme").add(5200).add(5299);
        state.putArray("lines");
        state.putArray("users");
        state.putArray("pickups");
        state.putArray("devices");
        return new XivoWsStore(state);
    }

    JsonNode snapshot() {
        return state.deepCopy();
    }

    static XivoWsStore restored(JsonNode snapshot) {
        XivoWsStore fresh = freshlyInstalled();
        if (snapshot != null && snapshot.isObject()) {
            snapshot.fields().forEachRemaining(f -> fresh.state.set(f.getKey(), f.getValue().deepCopy()));
        }
        return fresh;
    }

    private ArrayNode array(String name) {
        return (ArrayNode) state.get(name);
    }

    private int nextId(String kind) {
        ObjectNode next = (ObjectNode) state.get("next");
        int id = next.path(kind).asInt();
        next.put(kind, id + 1);
        return id;
    }

    private static Optional<ObjectNode> byId(ArrayNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return Optional.of((ObjectNode) item);
            }
        }
        return Optional.empty();
    }

    private static ArrayNode filtered(ArrayNode items, Predicate<JsonNode> keep) {
        ArrayNode out = JSON.arrayNode();
        items.forEach(i -> {
            if (keep.test(i)) {
                out.add(i.deepCopy());
            }
        });
        return out;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static boolean containsIgnoreCase(String value, String part) {
        return value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    // ---- entities (manage/entity: list, search, view, add; delete is undocumented)

    ArrayNode listEntities() {
        return JSON.arrayNode().addAll(publicEntities(e -> true));
    }

    private List<JsonNode> publicEntities(Predicate<JsonNode> keep) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entity : array("entities")) {
            if (keep.test(entity)) {
                ObjectNode copy = entity.deepCopy();
                copy.remove("deletable");
                out.add(copy);
            }
        }
        return out;
    }

    ArrayNode searchEntities(String search) {
        return JSON.arrayNode().addAll(publicEntities(e -> ENTITY_FIELDS.stream()
                .anyMatch(f -> containsIgnoreCase(e.path(f).asText(), search))));
    }

    ObjectNode viewEntity(String id) {
        byId(array("entities"), id).orElseThrow(() -> XivoWsRejection.notFound("no entity " + id));
        return (ObjectNode) publicEntities(e -> e.path("id").asText().equals(id)).get(0);
    }

    void addEntity(JsonNode body) {
        String name = text(body, "name");
        if (!name.matches("[a-z0-9_.-]{1,64}")) {
            throw XivoWsRejection.badRequest("an entity name is 1 to 64 of a-z 0-9 _ . -");
        }
        if (text(body, "displayname").isEmpty()) {
            throw XivoWsRejection.badRequest("an entity needs a displayname");
        }
        if (publicEntities(e -> e.path("name").asText().equals(name)).size() > 0) {
            throw XivoWsRejection.badRequest("entity " + name + " exists");
        }
        ObjectNode entity = array("entities").addObject().put("id", nextId("entity"));
        for (String field : ENTITY_FIELDS) {
            entity.put(field, text(body, field));
        }
        entity.put("deletable", true);
    }

    /** 405 for an entity that may not go (the installation's, or one that still holds users). */
    void deleteEntity(String id) {
        ObjectNode entity = byId(array("entities"), id).orElseThrow(() -> XivoWsRejection.notFound("no entity " + id));
        boolean used = false;
        for (JsonNode user : array("users")) {
            used |= user.path("userfeatures").path("entityid").asText().equals(id);
        }
        if (!entity.path("deletable").asBoolean(true) || used) {
            throw new XivoWsRejection(405, "entity " + id + " is not deletable");
        }
        remove(array("entities"), id);
    }

    private static void remove(ArrayNode items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asText().equals(id)) {
                items.remove(i);
                return;
            }
        }
    }

    // ---- mail (network/mail: view, edit)

    ObjectNode viewMail() {
        return state.get("mail").deepCopy();
    }

    void editMail(JsonNode body) {
        ObjectNode mail = JSON.objectNode().put("id", 1);
        for (String field : MAIL_FIELDS) {
            mail.put(field, text(body, field));
        }
        ArrayNode canonical = mail.putArray("canonical");
        for (JsonNode rule : body.path("canonical")) {
            if (text(rule, "pattern").isEmpty()) {
                throw XivoWsRejection.badRequest("a canonical rule needs a pattern");
            }
            canonical.addObject().put("pattern", text(rule, "pattern")).put("result", text(rule, "result"));
        }
        state.set("mail", mail);
    }

    // ---- lines (pbx_settings/lines: list, search, view, add, edit, delete)

    private Predicate<JsonNode> lineFilter(Optional<String> free, Optional<String> protocol) {
        return line -> {
            boolean isFree = line.path("iduserfeatures").asInt() == 0;
            // PHP's (bool) cast: "0" and "" are false
            boolean wantFree = free.map(f -> !f.isEmpty() && !f.equals("0")).orElse(isFree);
            return (free.isEmpty() || wantFree == isFree)
                    && protocol.map(p -> p.equals(line.path("protocol").asText())).orElse(true);
        };
    }

    ArrayNode listLines(Optional<String> free, Optional<String> protocol) {
        return publicLines(lineFilter(free, protocol));
    }

    ArrayNode searchLines(String search, Optional<String> context, Optional<String> free, Optional<String> protocol) {
        Predicate<JsonNode> filter = lineFilter(free, protocol);
        return publicLines(line -> filter.test(line)
                && context.map(c -> c.equals(line.path("context").asText())).orElse(true)
                && (containsIgnoreCase(line.path("number").asText(), search)
                    || containsIgnoreCase(line.path("name").asText(), search)));
    }

    private ArrayNode publicLines(Predicate<JsonNode> keep) {
        ArrayNode out = JSON.arrayNode();
        for (JsonNode line : array("lines")) {
            if (keep.test(line)) {
                ObjectNode copy = line.deepCopy();
                copy.remove("secret");
                out.add(copy);
            }
        }
        return out;
    }

    ObjectNode viewLine(String id) {
        ObjectNode line = byId(array("lines"), id).orElseThrow(() -> XivoWsRejection.notFound("no line " + id));
        ObjectNode view = JSON.objectNode();
        ObjectNode features = view.putObject("linefeatures");
        for (String field : List.of("id", "protocol", "name", "context", "number", "iduserfeatures", "commented")) {
            features.set(field, line.path(field).deepCopy());
        }
        ObjectNode protocol = line.deepCopy();
        for (String field : List.of("id", "iduserfeatures", "number", "commented", "secret")) {
            protocol.remove(field);
        }
        view.set("protocol", protocol);
        return view;
    }

    /**
     * {@code {"protocol": {...}}} as the document shows it, and optionally {@code "linefeatures": {"number",
     * "context"}}, which only {@code numberedAdd} reads (the document never says where a line's number goes).
     */
    void addLine(JsonNode body, boolean numberedAdd) {
        JsonNode protocol = body.path("protocol");
        if (!protocol.isObject()) {
            throw XivoWsRejection.badRequest("a line add needs a protocol object");
        }
        ObjectNode line = JSON.objectNode().put("id", 0).put("iduserfeatures", 0).put("commented", "0");
        String context = text(protocol, "context").isEmpty() ? "default" : text(protocol, "context");
        String number = numberedAdd ? text(body.path("linefeatures"), "number") : "";
        if (numberedAdd && !text(body.path("linefeatures"), "context").isEmpty()) {
            context = text(body.path("linefeatures"), "context");
        }
        fillLine(line, protocol, context, number, Optional.empty());
        line.put("id", nextId("line"));
        array("lines").add(line);
    }

    void editLine(String id, JsonNode body, boolean numberedAdd) {
        ObjectNode line = byId(array("lines"), id).orElseThrow(() -> XivoWsRejection.notFound("no line " + id));
        JsonNode protocol = body.path("protocol");
        if (!protocol.isObject()) {
            throw XivoWsRejection.badRequest("a line edit needs a protocol object");
        }
        String context = text(protocol, "context").isEmpty() ? line.path("context").asText() : text(protocol, "context");
        String number = line.path("number").asText();
        if (numberedAdd && body.path("linefeatures").has("number")) {
            number = text(body.path("linefeatures"), "number");
        }
        ObjectNode updated = JSON.objectNode().put("id", line.path("id").asInt())
                .put("iduserfeatures", line.path("iduserfeatures").asInt()).put("commented", "0");
        if (!protocol.has("secret")) {
            ((ObjectNode) protocol).put("secret", line.path("secret").asText());
        }
        fillLine(updated, protocol, context, number, Optional.of(id));
        line.removeAll();
        line.setAll(updated);
    }

    private void fillLine(ObjectNode line, JsonNode protocol, String context, String number, Optional<String> self) {
        String proto = text(protocol, "protocol");
        if (!PROTOCOLS.contains(proto)) {
            throw XivoWsRejection.badRequest("protocol must be sip, iax or sccp");
        }
        if (!state.path("contexts").has(context)) {
            throw XivoWsRejection.badRequest("no context " + context);
        }
        if (!number.isEmpty()) {
            requireFreeNumber(context, number, self);
        }
        String name = text(protocol, "name");
        if (name.isEmpty()) {
            name = Long.toString(Math.abs((context + number + System.nanoTime()).hashCode()), 36);
        }
        for (JsonNode other : array("lines")) {
            if (other.path("name").asText().equals(name) && !self.map(s -> s.equals(other.path("id").asText())).orElse(false)) {
                throw XivoWsRejection.badRequest("peer name " + name + " is taken");
            }
        }
        protocol.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() || f.getKey().equals("allow")) {
                line.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        line.put("protocol", proto).put("name", name).put("context", context).put("number", number);
        if (!line.has("secret")) {
            line.put("secret", "");
        }
    }

    private void requireFreeNumber(String context, String number, Optional<String> line) {
        if (!inRange(context, "user", number)) {
            throw XivoWsRejection.badRequest("number " + number + " is not a user extension of context " + context);
        }
        for (JsonNode other : array("lines")) {
            if (other.path("context").asText().equals(context) && other.path("number").asText().equals(number)
                    && !line.map(l -> l.equals(other.path("id").asText())).orElse(false)) {
                throw XivoWsRejection.badRequest("number " + number + "@" + context + " is not free");
            }
        }
    }

    private boolean inRange(String context, String object, String number) {
        JsonNode range = state.path("contexts").path(context).path(object);
        if (!range.isArray() || !number.matches("[0-9]{1,9}")) {
            return false;
        }
        int value = Integer.parseInt(number);
        return value >= range.get(0).asInt() && value <= range.get(1).asInt();
    }

    void deleteLine(String id) {
        byId(array("lines"), id).orElseThrow(() -> XivoWsRejection.notFound("no line " + id));
        remove(array("lines"), id);
        for (JsonNode user : array("users")) {
            ArrayNode ids = (ArrayNode) user.path("lineids");
            for (int i = ids.size() - 1; i >= 0; i--) {
                if (ids.get(i).asText().equals(id)) {
                    ids.remove(i);
                }
            }
        }
    }

    // ---- users (pbx_settings/users: list, search, view, add, edit, delete)

    ArrayNode listUsers() {
        ArrayNode out = JSON.arrayNode();
        array("users").forEach(u -> out.add(userfeatures(u)));
        return out;
    }

    ArrayNode searchUsers(String search) {
        ArrayNode out = JSON.arrayNode();
        for (JsonNode user : array("users")) {
            JsonNode f = user.path("userfeatures");
            if (containsIgnoreCase(f.path("firstname").asText(), search)
                    || containsIgnoreCase(f.path("lastname").asText(), search)
                    || f.path("userfield").asText().equals(search)) {
                out.add(userfeatures(user));
            }
        }
        return out;
    }

    private static ObjectNode userfeatures(JsonNode user) {
        ObjectNode features = user.path("userfeatures").deepCopy();
        features.remove("passwdclient");
        return features;
    }

    /** The user as an add or edit takes it, with ids, its lines as objects and no voicemail password. */
    ObjectNode viewUser(String id) {
        ObjectNode user = findUser(id);
        ObjectNode view = JSON.objectNode();
        view.set("userfeatures", user.path("userfeatures").deepCopy());
        ArrayNode lines = view.putArray("linefeatures");
        for (JsonNode lineId : user.path("lineids")) {
            byId(array("lines"), lineId.asText()).ifPresent(line -> {
                ObjectNode out = lines.addObject();
                for (String field : List.of("id", "protocol", "name", "context", "number")) {
                    out.set(field, line.path(field).deepCopy());
                }
                JsonNode rules = user.path("linerules").path(lineId.asText());
                for (String rule : List.of("rules_type", "rules_time", "rules_order", "rules_group")) {
                    out.put(rule, rules.path(rule).asText(""));
                }
            });
        }
        if (user.path("voicemail").isObject()) {
            ObjectNode voicemail = user.path("voicemail").deepCopy();
            voicemail.remove("password");
            view.set("voicemail", voicemail);
        }
        for (String part : List.of("vmfeatures", "dialaction", "group-select", "group", "queue-select", "queue",
                "phonefunckey", "queueskills")) {
            if (user.has(part)) {
                view.set(part, user.get(part).deepCopy());
            }
        }
        return view;
    }

    private ObjectNode findUser(String id) {
        for (JsonNode user : array("users")) {
            if (user.path("userfeatures").path("id").asText().equals(id)) {
                return (ObjectNode) user;
            }
        }
        throw XivoWsRejection.notFound("no user " + id);
    }

    /** @return the new user's id */
    int addUser(JsonNode body) {
        int id = nextId("user");
        ObjectNode user = buildUser(body, id, Optional.empty());
        array("users").add(user);
        return id;
    }

    void editUser(String id, JsonNode body) {
        ObjectNode current = findUser(id);
        ObjectNode user = buildUser(body, current.path("userfeatures").path("id").asInt(), Optional.of(current));
        current.removeAll();
        current.setAll(user);
    }

    /**
     * A user from an add or edit body, with the document's rules for {@code linefeatures}: at each index,
     * an id absent, empty or "0" creates a line (protocol required, number optional but free), an existing id
     * attaches that line if it is free (and gives it the number, which must be free too). An edit replaces
     * the user whole: lines no longer listed become free.
     */
    private ObjectNode buildUser(JsonNode body, int id, Optional<ObjectNode> current) {
        JsonNode features = body.path("userfeatures");
        if (!features.isObject() || text(features, "firstname").isEmpty()) {
            throw XivoWsRejection.badRequest("userfeatures.firstname is required");
        }
        String entityId = text(features, "entityid");
        if (byId(array("entities"), entityId).isEmpty()) {
            throw XivoWsRejection.badRequest("userfeatures.entityid names no entity");
        }
        JsonNode dialaction = body.path("dialaction");
        for (String event : DIALACTION_EVENTS) {
            if (!ACTION_TYPES.contains(text(dialaction.path(event), "actiontype"))) {
                throw XivoWsRejection.badRequest("dialaction." + event + ".actiontype is required");
            }
        }
        ObjectNode user = JSON.objectNode();
        ObjectNode stored = USER_DEFAULTS.deepCopy();
        features.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                stored.put(f.getKey(), f.getValue().asText());
            }
        });
        stored.put("id", id).put("entityid", Integer.parseInt(entityId.matches("[0-9]+") ? entityId : "0"));
        stored.put("voicemailid", 0);
        user.set("userfeatures", stored);

        String self = String.valueOf(id);
        ArrayNode lineIds = user.putArray("lineids");
        ObjectNode rules = user.putObject("linerules");
        List<ObjectNode> toCreate = new ArrayList<>();
        JsonNode lf = body.path("linefeatures");
        int count = 0;
        for (String array : LINEFEATURES_ARRAYS) {
            count = Math.max(count, lf.path(array).size());
        }
        Set<String> attached = new TreeSet<>();
        List<Runnable> attachments = new ArrayList<>();
        Set<String> newNumbers = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String lineId = lf.path("id").path(i).asText("");
            String number = lf.path("number").path(i).asText("");
            ObjectNode lineRules = JSON.objectNode();
            for (String rule : List.of("rules_type", "rules_time", "rules_order", "rules_group")) {
                lineRules.put(rule, lf.path(rule).path(i).asText(""));
            }
            String numberContext = lineId.isEmpty() || lineId.equals("0")
                    ? lf.path("context").path(i).asText("default")
                    : byId(array("lines"), lineId).map(l -> l.path("context").asText()).orElse("");
            if (!number.isEmpty() && !newNumbers.add(numberContext + "/" + number)) {
                throw XivoWsRejection.badRequest("number " + number + " is given twice");
            }
            if (lineId.isEmpty() || lineId.equals("0")) {
                String context = lf.path("context").path(i).asText("");
                ObjectNode protocol = JSON.objectNode().put("protocol", lf.path("protocol").path(i).asText(""))
                        .put("context", context.isEmpty() ? "default" : context)
                        .put("name", lf.path("name").path(i).asText(""));
                ObjectNode line = JSON.objectNode().put("commented", "0");
                fillLine(line, protocol, protocol.path("context").asText(), number, Optional.empty());
                line.put("iduserfeatures", id);
                toCreate.add(line);
                attachments.add(() -> {
                    line.put("id", nextId("line"));
                    array("lines").add(line);
                    lineIds.add(line.path("id").asInt());
                    rules.set(line.path("id").asText(), lineRules);
                });
            } else {
                ObjectNode line = byId(array("lines"), lineId)
                        .orElseThrow(() -> XivoWsRejection.badRequest("linefeatures.id " + lineId + " names no line"));
                int owner = line.path("iduserfeatures").asInt();
                if (owner != 0 && owner != id) {
                    throw XivoWsRejection.badRequest("line " + lineId + " is not free");
                }
                if (!number.isEmpty()) {
                    requireFreeNumber(line.path("context").asText(), number, Optional.of(lineId));
                }
                if (!attached.add(lineId)) {
                    throw XivoWsRejection.badRequest("line " + lineId + " is listed twice");
                }
                attachments.add(() -> {
                    if (!number.isEmpty()) {
                        line.put("number", number);
                    }
                    line.put("iduserfeatures", id);
                    lineIds.add(line.path("id").asInt());
                    rules.set(lineId, lineRules);
                });
            }
        }
        ObjectNode voicemail = null;
        if (body.path("voicemail").isObject() && !text(body.path("voicemail"), "mailbox").isEmpty()) {
            voicemail = JSON.objectNode();
            ObjectNode vm = voicemail;
            body.path("voicemail").fields().forEachRemaining(f -> vm.put(f.getKey(), f.getValue().asText()));
            if (!vm.has("password") && current.isPresent()) {
                vm.put("password", current.get().path("voicemail").path("password").asText(""));
            }
        }
        // everything is valid: now change the lines
        current.ifPresent(old -> {
            for (JsonNode lineId : old.path("lineids")) {
                if (!attached.contains(lineId.asText())) {
                    byId(array("lines"), lineId.asText()).ifPresent(l -> l.put("iduserfeatures", 0));
                }
            }
        });
        // in the order of the arrays: the first line is the user's main line
        attachments.forEach(Runnable::run);
        if (voicemail != null) {
            int voicemailId = current.map(c -> c.path("userfeatures").path("voicemailid").asInt()).filter(v -> v > 0)
                    .orElseGet(() -> nextId("voicemail"));
            stored.put("voicemailid", voicemailId);
            voicemail.put("uniqueid", voicemailId);
            user.set("voicemail", voicemail);
        }
        ObjectNode storedDialaction = user.putObject("dialaction");
        for (String event : DIALACTION_EVENTS) {
            ObjectNode action = storedDialaction.putObject(event);
            dialaction.path(event).fields().forEachRemaining(f -> action.put(f.getKey(), f.getValue().asText()));
        }
        for (String part : List.of("vmfeatures", "group-select", "group", "queue-select", "queue", "phonefunckey",
                "queueskills")) {
            if (!body.path(part).isMissingNode() && !body.path(part).isNull()) {
                user.set(part, body.get(part).deepCopy());
            }
        }
        JsonNode keys = body.path("phonefunckey");
        int keyCount = keys.path("fknum").size();
        for (String array : FUNCKEY_ARRAYS) {
            if (keys.has(array) && keys.path(array).size() != keyCount) {
                throw XivoWsRejection.badRequest("phonefunckey arrays differ in length");
            }
        }
        return user;
    }

    void deleteUser(String id) {
        ObjectNode user = findUser(id);
        for (JsonNode lineId : user.path("lineids")) {
            byId(array("lines"), lineId.asText()).ifPresent(l -> l.put("iduserfeatures", 0));
        }
        ArrayNode users = array("users");
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i) == user) {
                users.remove(i);
                break;
            }
        }
        for (JsonNode pickup : array("pickups")) {
            ArrayNode members = (ArrayNode) pickup.path("members");
            for (int i = members.size() - 1; i >= 0; i--) {
                JsonNode m = members.get(i);
                if (m.path("membertype").asText().equals("user") && m.path("memberid").asText().equals(id)) {
                    members.remove(i);
                }
            }
        }
    }

    // ---- pickups (call_management/pickup: list, view, add, delete)

    ArrayNode listPickups() {
        ArrayNode out = JSON.arrayNode();
        array("pickups").forEach(p -> out.add(pickupHeader(p)));
        return out;
    }

    private static ObjectNode pickupHeader(JsonNode pickup) {
        return JSON.objectNode().put("commented", 0).put("description", pickup.path("description").asText())
                .put("id", pickup.path("id").asInt()).put("name", pickup.path("name").asText());
    }

    ObjectNode viewPickup(String id) {
        ObjectNode pickup = byId(array("pickups"), id).orElseThrow(() -> XivoWsRejection.notFound("no pickup " + id));
        ObjectNode view = JSON.objectNode();
        ArrayNode members = view.putArray("members");
        view.set("pickup", pickupHeader(pickup));
        ArrayNode pickups = view.putArray("pickups");
        for (JsonNode m : pickup.path("members")) {
            ObjectNode out = JSON.objectNode().put("category", m.path("category").asText())
                    .put("memberid", m.path("memberid").asInt()).put("membertype", m.path("membertype").asText())
                    .put("pickupid", pickup.path("id").asInt());
            (m.path("category").asText().equals("pickup") ? pickups : members).add(out);
        }
        return view;
    }

    void addPickup(JsonNode body) {
        String name = text(body, "name");
        if (name.isEmpty()) {
            throw XivoWsRejection.badRequest("a pickup group needs a name");
        }
        for (JsonNode other : array("pickups")) {
            if (other.path("name").asText().equals(name)) {
                throw XivoWsRejection.badRequest("pickup group " + name + " exists");
            }
        }
        ArrayNode members = JSON.arrayNode();
        for (JsonNode m : body.path("members")) {
            String category = text(m, "category");
            String type = text(m, "membertype");
            String memberId = text(m, "memberid");
            if (!Set.of("member", "pickup").contains(category) || !Set.of("user", "group", "queue").contains(type)
                    || !memberId.matches("[0-9]+")) {
                throw XivoWsRejection.badRequest("a member is {category: member|pickup, membertype: user|group|queue, memberid}");
            }
            if (type.equals("user")) {
                findUserOrBadRequest(memberId);
            }
            members.addObject().put("category", category).put("membertype", type)
                    .put("memberid", Integer.parseInt(memberId));
        }
        ObjectNode pickup = array("pickups").addObject().put("id", nextId("pickup")).put("name", name)
                .put("description", text(body, "description"));
        pickup.set("members", members);
    }

    private void findUserOrBadRequest(String id) {
        try {
            findUser(id);
        } catch (XivoWsRejection missing) {
            throw XivoWsRejection.badRequest("no user " + id);
        }
    }

    void deletePickup(String id) {
        byId(array("pickups"), id).orElseThrow(() -> XivoWsRejection.notFound("no pickup " + id));
        remove(array("pickups"), id);
    }

    // ---- devices (pbx_settings/devices: list, search, view; read-only)

    ArrayNode listDevices() {
        return array("devices").deepCopy();
    }

    /** Exact match on the ip or the mac address, as the document says. */
    ArrayNode searchDevices(String search) {
        return filtered(array("devices"), d -> d.path("ip").asText().equals(search)
                || d.path("mac").asText().equalsIgnoreCase(search));
    }

    ArrayNode viewDevice(String deviceId) {
        ArrayNode found = filtered(array("devices"), d -> d.path("deviceid").asText().equals(deviceId)
                || d.path("id").asText().equals(deviceId));
        if (found.isEmpty()) {
            throw XivoWsRejection.notFound("no device " + deviceId);
        }
        return found;
    }

    // ---- free extensions (system_management/extensions: search)

    ArrayNode freeExtensions(String context, String object, String part) {
        JsonNode range = state.path("contexts").path(context).path(object);
        ArrayNode out = JSON.arrayNode();
        if (!range.isArray()) {
            return out;
        }
        Set<String> used = new TreeSet<>();
        for (JsonNode line : array("lines")) {
            if (line.path("context").asText().equals(context)) {
                used.add(line.path("number").asText());
            }
        }
        for (int n = range.get(0).asInt(); n <= range.get(1).asInt(); n++) {
            String number = String.valueOf(n);
            if (!used.contains(number) && number.contains(part)) {
                out.add(n);
            }
        }
        return out;
    }
}
