package dev.switchboard.systems.xci.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The state of a simulated XCI and the rules it enforces, without HTTP. Objects are kept as the JSON
 * they were created from plus their IDs; the views the API answers are built on the way out (an entity
 * embeds its XiVO, a user its entity, an administrator its entities and a hashed password).
 *
 * <p>Edits (PUT) overlay the fields sent on the stored object and validate the result as a create
 * would: a client sending the whole object and one sending only what changes both work.
 *
 * <p>Not thread-safe: {@link XciSimulator} is only called under {@link dev.switchboard.sim.SimServer}'s
 * lock.
 */
final class XciStore {

    /** Lines a freshly added XiVO can take; a user takes one. */
    static final long SLOTS_PER_XIVO = 1000;
    /** {@code available_numbers} lists at most this many, so a wide interval cannot flood a client. */
    static final int MAX_AVAILABLE_NUMBERS = 1000;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> PEER_SIP_NAMES = Set.of("auto", "model");
    private static final Set<String> CALLER_ID_MODES = Set.of("incomingNo", "anonymous", "custom");
    private static final Set<String> VOICEMAIL_NUMBER_MODES = Set.of("short_number", "custom");

    private final TreeMap<Long, ObjectNode> xivos = new TreeMap<>();
    private final TreeMap<Long, ObjectNode> entities = new TreeMap<>();
    private final TreeMap<Long, ObjectNode> users = new TreeMap<>();
    private final TreeMap<Long, ObjectNode> templates = new TreeMap<>();
    private final TreeMap<Long, ObjectNode> administrators = new TreeMap<>();
    private final Map<String, TreeMap<Long, ObjectNode>> collections = new TreeMap<>(Map.of(
            "xivos", xivos, "entities", entities, "users", users, "templates", templates,
            "administrators", administrators));
    private final Map<String, Long> sequences = new TreeMap<>();
    /**
     * The users of each internal number, by "XiVO id, number": a number is unique on its XiVO, and each
     * create and edit checks it, so a scan of every user there made a create apply of 10,000 users quadratic.
     * Derived from {@link #users} (ids in order: a state file may hold a duplicate, the lowest id is "the" one).
     */
    private final Map<String, TreeSet<Long>> usersByNumber = new HashMap<>();
    /**
     * Whether a user's internal number must lie in one of its entity's intervals. Not by default: the
     * document lists user 6260 in entity {@code default_analogique}, whose intervals are 3990000-3999999 and
     * 39990000-39999999, so a real XCI holds such users ({@link XciDialects#NUMBERS_IN_INTERVALS}).
     */
    private final boolean numbersInIntervals;

    XciStore(boolean numbersInIntervals) {
        this.numbersInIntervals = numbersInIntervals;
    }

    /** A freshly installed XCI: no XiVO, and the super-administrator the installer creates. */
    static XciStore freshlyInstalled(String adminLogin, String adminPassword, boolean numbersInIntervals) {
        XciStore store = new XciStore(numbersInIntervals);
        store.administrators.put(1L, JSON.objectNode().put("id", 1L).put("login", adminLogin).put("name", "")
                .put("password", PasswordHasher.hash(adminPassword)).put("superAdmin", true).put("ldap", false)
                .set("entityIds", JSON.arrayNode()));
        return store;
    }

    // ---- login

    boolean acceptsLogin(String login, String password) {
        return administrators.values().stream()
                .filter(a -> a.get("login").asText().equals(login) && !a.get("ldap").asBoolean())
                .anyMatch(a -> PasswordHasher.matches(password, a.get("password").asText()));
    }

    // ---- XiVOs

    ArrayNode listXivos() {
        return viewsOf(xivos, this::xivoView);
    }

    ObjectNode getXivo(long id) {
        return xivoView(find(xivos, id, "XiVO"));
    }

    ObjectNode createXivo(RequestBody body) {
        String name = body.requiredText("name");
        String host = body.requiredText("host");
        boolean configure = body.optionalBoolean("configure").orElse(false);
        if (xivos.values().stream().anyMatch(x -> x.get("name").asText().equals(name))) {
            throw XciRejection.badRequest("A XiVO named '" + name + "' already exists");
        }
        long id = nextId(xivos);
        ObjectNode xivo = JSON.objectNode().put("id", id).put("uuid", UUID.randomUUID().toString()).put("name", name)
                .put("host", host).put("remainingSlots", SLOTS_PER_XIVO).put("configured", configure);
        xivos.put(id, xivo);
        return xivoView(xivo);
    }

    private ObjectNode xivoView(ObjectNode xivo) {
        return JSON.objectNode().put("id", xivo.get("id").asLong()).put("uuid", xivo.get("uuid").asText())
                .put("name", xivo.get("name").asText()).put("host", xivo.get("host").asText())
                .put("remainingSlots", xivo.get("remainingSlots").asLong());
    }

    // ---- entities

    ArrayNode listEntities() {
        return viewsOf(entities, this::entityView);
    }

    ObjectNode getEntity(String combinedId) {
        return entityView(entityByCombinedId(combinedId));
    }

    ObjectNode createEntity(RequestBody body) {
        ObjectNode entity = validEntity(body, Optional.empty());
        long id = nextId(entities);
        entity.put("id", id);
        entities.put(id, entity);
        return entityView(entity);
    }

    ObjectNode updateEntity(String combinedId, JsonNode changes) {
        ObjectNode current = entityByCombinedId(combinedId);
        ObjectNode input = current.deepCopy();
        overlay(input, changes);
        ObjectNode updated = validEntity(RequestBody.of(input), Optional.of(current));
        String oldCombinedId = combinedIdOf(current);
        updated.put("id", current.get("id").asLong());
        entities.put(updated.get("id").asLong(), updated);
        String newCombinedId = combinedIdOf(updated);
        if (!newCombinedId.equals(oldCombinedId)) {
            templates.values().forEach(t -> replaceText((ArrayNode) t.get("entities"), oldCombinedId, newCombinedId));
        }
        return entityView(updated);
    }

    void deleteEntity(String combinedId) {
        ObjectNode entity = entityByCombinedId(combinedId);
        long id = entity.get("id").asLong();
        long attached = users.values().stream().filter(u -> u.get("entityId").asLong() == id).count();
        if (attached > 0) {
            throw XciRejection.badRequest("The entity '" + combinedId + "' still has " + attached
                    + " user(s): delete them first");
        }
        entities.remove(id);
        templates.values().forEach(t -> removeIf((ArrayNode) t.get("entities"), n -> n.asText().equals(combinedId)));
        administrators.values().forEach(a -> removeIf((ArrayNode) a.get("entityIds"), n -> n.asLong() == id));
    }

    ArrayNode usersOfEntity(String combinedId) {
        long id = entityByCombinedId(combinedId).get("id").asLong();
        ArrayNode items = JSON.arrayNode();
        users.values().stream().filter(u -> u.get("entityId").asLong() == id).map(this::userView).forEach(items::add);
        return items;
    }

    /** Free numbers inside the entity's intervals, interval by interval, in order. */
    ArrayNode availableNumbers(String combinedId) {
        ObjectNode entity = entityByCombinedId(combinedId);
        long xivoId = entity.get("xivoId").asLong();
        // Enough candidates to fill the answer even if every taken number of the XiVO is among them.
        int candidates = MAX_AVAILABLE_NUMBERS + users.size();
        ArrayNode free = JSON.arrayNode();
        for (NumberInterval interval : NumberInterval.allOf(entity.get("intervals"))) {
            for (String number : interval.numbers(candidates)) {
                if (free.size() == MAX_AVAILABLE_NUMBERS) {
                    return free;
                }
                if (userWithNumber(xivoId, number, -1).isEmpty()) {
                    free.add(number);
                }
            }
        }
        return free;
    }

    private ObjectNode validEntity(RequestBody body, Optional<ObjectNode> current) {
        String name = body.requiredText("name");
        if (name.isBlank() || name.contains("@")) {
            throw XciRejection.badRequest("The entity name '" + name + "' is invalid: it must be non-empty, without '@'");
        }
        long xivoId = body.requiredLong("xivoId");
        find(xivos, xivoId, "XiVO", XciRejection::badRequest);
        if (current.isPresent() && current.get().get("xivoId").asLong() != xivoId) {
            throw XciRejection.badRequest("An entity cannot move to another XiVO");
        }
        long selfId = current.map(c -> c.get("id").asLong()).orElse(-1L);
        if (entities.values().stream().anyMatch(e -> e.get("id").asLong() != selfId
                && e.get("xivoId").asLong() == xivoId && e.get("name").asText().equals(name))) {
            throw XciRejection.badRequest("An entity named '" + name + "' already exists on this XiVO");
        }
        List<NumberInterval> intervals = NumberInterval.allOf(body.optionalArray("intervals").orElse(List.of()));
        for (ObjectNode other : entities.values()) {
            if (other.get("id").asLong() == selfId || other.get("xivoId").asLong() != xivoId) {
                continue;
            }
            for (NumberInterval theirs : NumberInterval.allOf(other.get("intervals"))) {
                intervals.stream().filter(theirs::overlaps).findFirst().ifPresent(mine -> {
                    throw XciRejection.badRequest("The interval " + mine + " overlaps the interval " + theirs
                            + " of entity '" + other.get("name").asText() + "'");
                });
            }
        }
        ObjectNode entity = JSON.objectNode().put("name", name)
                .put("displayName", body.optionalText("displayName").orElse(name)).put("xivoId", xivoId);
        intervals.forEach(interval -> entity.withArray("intervals").add(interval.toJson()));
        entity.put("presentedNumber", body.optionalText("presentedNumber").orElse(""));
        current.filter(c -> numbersInIntervals).ifPresent(c -> users.values().stream()
                .filter(u -> u.get("entityId").asLong() == selfId)
                .filter(u -> !NumberInterval.anyContains(intervals, u.get("internalNumber").asText())).findFirst()
                .ifPresent(u -> {
                    throw XciRejection.badRequest("The user " + u.get("id").asLong() + " has the number "
                            + u.get("internalNumber").asText() + ", which would fall outside the intervals");
                }));
        return entity;
    }

    private ObjectNode entityView(ObjectNode entity) {
        ObjectNode view = JSON.objectNode().put("id", entity.get("id").asLong())
                .put("combinedId", combinedIdOf(entity)).put("name", entity.get("name").asText())
                .put("displayName", entity.get("displayName").asText());
        view.set("xivo", xivoView(xivos.get(entity.get("xivoId").asLong())));
        view.set("intervals", entity.get("intervals").deepCopy());
        view.put("presentedNumber", entity.get("presentedNumber").asText());
        return view;
    }

    private String combinedIdOf(ObjectNode entity) {
        return entity.get("name").asText() + "@" + xivos.get(entity.get("xivoId").asLong()).get("uuid").asText();
    }

    private ObjectNode entityByCombinedId(String combinedId) {
        return findEntity(combinedId).orElseThrow(() -> XciRejection.notFound("No entity '" + combinedId + "'"));
    }

    private Optional<ObjectNode> findEntity(String combinedId) {
        return entities.values().stream().filter(e -> combinedIdOf(e).equals(combinedId)).findFirst();
    }

    // ---- users

    ObjectNode getUser(long id) {
        return userView(find(users, id, "user"));
    }

    ObjectNode createUser(RequestBody body) {
        ObjectNode user = validUser(body, Optional.empty());
        long id = nextId(users);
        user.put("id", id).put("provisioningNumber", String.format("1%05d", id));
        putUser(user);
        takeSlot(xivoOfEntity(user.get("entityId").asLong()));
        return userView(user);
    }

    ObjectNode updateUser(long id, JsonNode changes) {
        ObjectNode current = find(users, id, "user");
        ObjectNode input = current.deepCopy();
        input.put("entityCId", combinedIdOf(entities.get(current.get("entityId").asLong())));
        overlay(input, changes);
        ObjectNode updated = validUser(RequestBody.of(input), Optional.of(current));
        long oldXivo = xivoOfEntity(current.get("entityId").asLong());
        long newXivo = xivoOfEntity(updated.get("entityId").asLong());
        if (oldXivo != newXivo) {
            takeSlot(newXivo);
            freeSlot(oldXivo);
        }
        updated.put("id", id).put("provisioningNumber", current.get("provisioningNumber").asText());
        removeUser(current);
        putUser(updated);
        return userView(updated);
    }

    void deleteUser(long id) {
        ObjectNode user = find(users, id, "user");
        removeUser(user);
        freeSlot(xivoOfEntity(user.get("entityId").asLong()));
    }

    private ObjectNode validUser(RequestBody body, Optional<ObjectNode> current) {
        String entityCId = body.requiredText("entityCId");
        long templateId = current.isPresent() && !body.has("templateId")
                ? current.get().get("templateId").asLong() : body.requiredLong("templateId");
        String firstName = body.requiredText("firstName");
        String lastName = body.requiredText("lastName");
        String internalNumber = body.requiredText("internalNumber");
        ObjectNode entity = findEntity(entityCId)
                .orElseThrow(() -> XciRejection.badRequest("No entity '" + entityCId + "'"));
        ObjectNode template = find(templates, templateId, "template", XciRejection::badRequest);
        long xivoId = entity.get("xivoId").asLong();
        boolean available = contains(template.get("entities"), n -> n.asText().equals(entityCId))
                || contains(template.get("xivos"), n -> n.asLong() == xivoId);
        if (!available) {
            throw XciRejection.badRequest("The template '" + template.get("name").asText()
                    + "' is not available to the entity '" + entityCId + "'");
        }
        List<NumberInterval> intervals = NumberInterval.allOf(entity.get("intervals"));
        if (numbersInIntervals && !NumberInterval.anyContains(intervals, internalNumber)) {
            throw XciRejection.badRequest("The internal number " + internalNumber + " is outside the intervals of "
                    + "the entity '" + entity.get("name").asText() + "' (" + intervals.stream()
                    .map(NumberInterval::toString).collect(Collectors.joining(", ")) + ")");
        }
        long selfId = current.map(c -> c.get("id").asLong()).orElse(-1L);
        userWithNumber(xivoId, internalNumber, selfId).ifPresent(other -> {
            throw XciRejection.badRequest("The internal number " + internalNumber + " is already taken by the user "
                    + other.get("id").asLong());
        });
        ObjectNode user = JSON.objectNode().put("entityId", entity.get("id").asLong()).put("templateId", templateId)
                .put("firstName", firstName).put("lastName", lastName).put("internalNumber", internalNumber);
        user.set("externalNumber", current.map(c -> c.get("externalNumber")).orElse(JSON.nullNode()));
        user.set("mail", current.map(c -> c.get("mail")).orElse(JSON.nullNode()));
        user.set("ctiLogin", body.optionalText("ctiLogin").<JsonNode>map(JSON::textNode).orElse(JSON.nullNode()));
        user.set("ctiPassword", body.optionalText("ctiPassword").<JsonNode>map(JSON::textNode).orElse(JSON.nullNode()));
        return user;
    }

    private Optional<ObjectNode> userWithNumber(long xivoId, String number, long exceptId) {
        TreeSet<Long> ids = usersByNumber.get(numberKey(xivoId, number));
        return ids == null ? Optional.empty()
                : ids.stream().filter(id -> id != exceptId).findFirst().map(users::get);
    }

    private void putUser(ObjectNode user) {
        long id = user.get("id").asLong();
        users.put(id, user);
        usersByNumber.computeIfAbsent(numberKey(user), key -> new TreeSet<>()).add(id);
    }

    private void removeUser(ObjectNode user) {
        long id = user.get("id").asLong();
        users.remove(id);
        String key = numberKey(user);
        TreeSet<Long> ids = usersByNumber.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            usersByNumber.remove(key);
        }
    }

    private String numberKey(ObjectNode user) {
        ObjectNode entity = entities.get(user.get("entityId").asLong()); // absent only in a hand-edited state file
        return numberKey(entity == null ? -1 : entity.get("xivoId").asLong(), user.get("internalNumber").asText());
    }

    private static String numberKey(long xivoId, String number) {
        return xivoId + " " + number;
    }

    private ObjectNode userView(ObjectNode user) {
        ObjectNode view = JSON.objectNode().put("id", user.get("id").asLong());
        view.set("entity", entityView(entities.get(user.get("entityId").asLong())));
        for (String field : List.of("firstName", "lastName", "internalNumber", "externalNumber", "mail", "ctiLogin",
                "ctiPassword", "provisioningNumber")) {
            view.set(field, user.get(field).deepCopy());
        }
        return view;
    }

    private long xivoOfEntity(long entityId) {
        return entities.get(entityId).get("xivoId").asLong();
    }

    private void takeSlot(long xivoId) {
        ObjectNode xivo = xivos.get(xivoId);
        long left = xivo.get("remainingSlots").asLong();
        if (left <= 0) {
            throw XciRejection.badRequest("The XiVO '" + xivo.get("name").asText() + "' has no slot left for a user");
        }
        xivo.put("remainingSlots", left - 1);
    }

    private void freeSlot(long xivoId) {
        ObjectNode xivo = xivos.get(xivoId);
        xivo.put("remainingSlots", xivo.get("remainingSlots").asLong() + 1);
    }

    // ---- templates

    ArrayNode listTemplates() {
        return viewsOf(templates, t -> t.deepCopy());
    }

    ObjectNode getTemplate(long id) {
        return find(templates, id, "template").deepCopy();
    }

    ObjectNode createTemplate(RequestBody body) {
        ObjectNode template = validTemplate(body, -1);
        long id = nextId(templates);
        ObjectNode stored = JSON.objectNode().put("id", id);
        stored.setAll(template);
        templates.put(id, stored);
        return stored.deepCopy();
    }

    ObjectNode updateTemplate(long id, JsonNode changes) {
        ObjectNode input = find(templates, id, "template").deepCopy();
        overlay(input, changes);
        ObjectNode stored = JSON.objectNode().put("id", id);
        stored.setAll(validTemplate(RequestBody.of(input), id));
        templates.put(id, stored);
        return stored.deepCopy();
    }

    void deleteTemplate(long id) {
        find(templates, id, "template");
        long using = users.values().stream().filter(u -> u.get("templateId").asLong() == id).count();
        if (using > 0) {
            throw XciRejection.badRequest("The template " + id + " is used by " + using + " user(s)");
        }
        templates.remove(id);
    }

    /** In the document's order; the conditional and optional fields only when they apply or were sent. */
    private ObjectNode validTemplate(RequestBody body, long selfId) {
        String name = body.requiredText("name");
        if (templates.values().stream().anyMatch(t -> t.get("id").asLong() != selfId
                && t.get("name").asText().equals(name))) {
            throw XciRejection.badRequest("A template named '" + name + "' already exists");
        }
        String peerSipName = oneOf(body, "peerSipName", PEER_SIP_NAMES, Optional.empty());
        boolean routedInbound = body.requiredBoolean("routedInbound");
        String callerIdMode = oneOf(body, "callerIdMode", CALLER_ID_MODES, Optional.empty());
        long ringingTime = body.requiredLong("ringingTime");
        if (ringingTime < 0) {
            throw XciRejection.badRequest("The field 'ringingTime' must not be negative");
        }
        boolean voiceMailEnabled = body.requiredBoolean("voiceMailEnabled");
        String voiceMailNumberMode = oneOf(body, "voiceMailNumberMode", VOICEMAIL_NUMBER_MODES,
                Optional.of("short_number"));
        ObjectNode template = JSON.objectNode().put("name", name).put("peerSipName", peerSipName)
                .put("routedInbound", routedInbound);
        conditional(body, template, "routedInboundPrefix", routedInbound, "routedInbound is true");
        template.put("callerIdMode", callerIdMode);
        conditional(body, template, "customCallerId", callerIdMode.equals("custom"), "callerIdMode is custom");
        template.put("ringingTime", ringingTime).put("voiceMailEnabled", voiceMailEnabled)
                .put("voiceMailNumberMode", voiceMailNumberMode);
        conditional(body, template, "voiceMailCustomNumber", voiceMailNumberMode.equals("custom"),
                "voiceMailNumberMode is custom");
        body.optionalBoolean("voiceMailSendEmail").ifPresent(send -> template.put("voiceMailSendEmail", send));
        ArrayNode xivoIds = template.putArray("xivos");
        for (JsonNode xivoId : body.optionalArray("xivos").orElse(List.of())) {
            if (!xivoId.isIntegralNumber() || !xivos.containsKey(xivoId.asLong())) {
                throw XciRejection.badRequest("No XiVO with the id " + xivoId);
            }
            xivoIds.add(xivoId.asLong());
        }
        ArrayNode combinedIds = template.putArray("entities");
        for (JsonNode combinedId : body.optionalArray("entities").orElse(List.of())) {
            if (!combinedId.isTextual() || findEntity(combinedId.asText()).isEmpty()) {
                throw XciRejection.badRequest("No entity " + combinedId);
            }
            combinedIds.add(combinedId.asText());
        }
        return template;
    }

    private static String oneOf(RequestBody body, String field, Set<String> allowed, Optional<String> fallback) {
        Optional<String> given = body.optionalText(field);
        String value = fallback.isPresent() ? given.orElse(fallback.get()) : body.requiredText(field);
        if (!allowed.contains(value)) {
            throw XciRejection.badRequest("The field '" + field + "' must be one of " + new java.util.TreeSet<>(allowed)
                    + ", not '" + value + "'");
        }
        return value;
    }

    private static void conditional(RequestBody body, ObjectNode template, String field, boolean compulsory,
                                    String when) {
        Optional<String> value = body.optionalText(field).filter(v -> !v.isEmpty());
        if (compulsory && value.isEmpty()) {
            throw XciRejection.badRequest("The field '" + field + "' is compulsory when " + when);
        }
        value.ifPresent(v -> template.put(field, v));
    }

    // ---- administrators

    ArrayNode listAdministrators() {
        return viewsOf(administrators, this::administratorView);
    }

    ObjectNode getAdministrator(long id) {
        return administratorView(find(administrators, id, "administrator"));
    }

    ObjectNode createAdministrator(RequestBody body) {
        ObjectNode administrator = validAdministrator(body, Optional.empty());
        long id = nextId(administrators);
        ObjectNode stored = JSON.objectNode().put("id", id);
        stored.setAll(administrator);
        administrators.put(id, stored);
        return administratorView(stored);
    }

    ObjectNode updateAdministrator(long id, JsonNode changes) {
        ObjectNode current = find(administrators, id, "administrator");
        ObjectNode input = current.deepCopy();
        input.remove("password");
        overlay(input, changes);
        ObjectNode stored = JSON.objectNode().put("id", id);
        stored.setAll(validAdministrator(RequestBody.of(input), Optional.of(current)));
        administrators.put(id, stored);
        return administratorView(stored);
    }

    void deleteAdministrator(long id) {
        find(administrators, id, "administrator");
        administrators.remove(id);
    }

    private ObjectNode validAdministrator(RequestBody body, Optional<ObjectNode> current) {
        String login = body.requiredText("login");
        long selfId = current.map(c -> c.get("id").asLong()).orElse(-1L);
        if (login.isBlank() || administrators.values().stream()
                .anyMatch(a -> a.get("id").asLong() != selfId && a.get("login").asText().equals(login))) {
            throw XciRejection.badRequest("The login '" + login + "' is empty or already taken");
        }
        boolean ldap = body.optionalBoolean("ldap").orElse(false);
        Optional<String> password = body.optionalText("password").filter(p -> !p.isEmpty());
        String hashed = password.map(PasswordHasher::hash)
                .or(() -> current.map(c -> c.get("password").asText()).filter(p -> !p.isEmpty()))
                .orElse("");
        if (!ldap && hashed.isEmpty()) {
            throw XciRejection.badRequest("The field 'password' is compulsory when ldap is false");
        }
        ObjectNode administrator = JSON.objectNode().put("login", login)
                .put("name", body.optionalText("name").orElse("")).put("password", hashed)
                .put("superAdmin", body.optionalBoolean("superAdmin").orElse(false)).put("ldap", ldap);
        ArrayNode entityIds = administrator.putArray("entityIds");
        for (JsonNode entityId : body.optionalArray("entityIds").orElse(List.of())) {
            if (!entityId.isIntegralNumber() || !entities.containsKey(entityId.asLong())) {
                throw XciRejection.badRequest("No entity with the id " + entityId);
            }
            entityIds.add(entityId.asLong());
        }
        return administrator;
    }

    /** The document shows {@code "entities": []}; it is read here as the entities, embedded as elsewhere. */
    private ObjectNode administratorView(ObjectNode administrator) {
        ObjectNode view = JSON.objectNode().put("id", administrator.get("id").asLong())
                .put("login", administrator.get("login").asText()).put("name", administrator.get("name").asText())
                .put("password", administrator.get("password").asText())
                .put("superAdmin", administrator.get("superAdmin").asBoolean())
                .put("ldap", administrator.get("ldap").asBoolean());
        ArrayNode embedded = view.putArray("entities");
        administrator.get("entityIds").forEach(id -> embedded.add(entityView(entities.get(id.asLong()))));
        return view;
    }

    // ---- state files

    /**
     * The stored objects by collection ({@code administrators}, {@code entities}, {@code templates},
     * {@code users}, {@code xivos}), as kept here: references by id, passwords hashed; and under
     * {@code lastIds} the last id each collection handed out.
     */
    ObjectNode snapshot() {
        ObjectNode state = JSON.objectNode();
        collections.forEach((name, collection) -> state.set(name, viewsOf(collection, o -> o.deepCopy())));
        ObjectNode lastIds = state.putObject("lastIds");
        sequences.forEach(lastIds::put);
        return state;
    }

    void restore(JsonNode state) {
        collections.forEach((name, collection) -> {
            collection.clear();
            state.path(name).forEach(o -> collection.put(o.get("id").asLong(), (ObjectNode) o.deepCopy()));
        });
        usersByNumber.clear();
        List.copyOf(users.values()).forEach(this::putUser);
        sequences.clear();
        state.path("lastIds").fields().forEachRemaining(e -> sequences.put(e.getKey(), e.getValue().asLong()));
    }

    // ---- helpers

    private static ArrayNode viewsOf(TreeMap<Long, ObjectNode> collection,
                                     java.util.function.Function<ObjectNode, ObjectNode> view) {
        ArrayNode items = JSON.arrayNode();
        collection.values().stream().map(view).forEach(items::add);
        return items;
    }

    private static ObjectNode find(TreeMap<Long, ObjectNode> collection, long id, String what) {
        return find(collection, id, what, XciRejection::notFound);
    }

    private static ObjectNode find(TreeMap<Long, ObjectNode> collection, long id, String what,
                                   java.util.function.Function<String, XciRejection> rejection) {
        ObjectNode found = collection.get(id);
        if (found == null) {
            throw rejection.apply("No " + what + " with the id " + id);
        }
        return found;
    }

    /** Like a database sequence: an ID is never handed out twice, even after a delete. */
    private long nextId(TreeMap<Long, ObjectNode> collection) {
        String name = collections.entrySet().stream().filter(e -> e.getValue() == collection)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        long highest = collection.isEmpty() ? 0 : collection.lastKey();
        long next = Math.max(highest, sequences.getOrDefault(name, 0L)) + 1;
        sequences.put(name, next);
        return next;
    }

    private static void overlay(ObjectNode target, JsonNode changes) {
        if (!(changes instanceof ObjectNode)) {
            throw XciRejection.badRequest("The payload must be a JSON object");
        }
        changes.fields().forEachRemaining(field -> target.set(field.getKey(), field.getValue()));
    }

    private static boolean contains(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (test.test(item)) {
                return true;
            }
        }
        return false;
    }

    private static void removeIf(ArrayNode array, Predicate<JsonNode> test) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (test.test(array.get(i))) {
                array.remove(i);
            }
        }
    }

    private static void replaceText(ArrayNode array, String from, String to) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(from)) {
                array.set(i, JSON.textNode(to));
            }
        }
    }
}
