package dev.switchboard.systems.sipxconfig.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The state of a simulated sipXconfig, as one JSON tree (so that it is its own snapshot):
 * {@code users} by user name, each with its settings; {@code conferences} by name, each with its
 * {@code owner}; {@code phonebook}, the private entries of every user with their {@code owner} and
 * {@code id}; {@code groupSpeedDial}, what a user without a personal speed dial sees.
 *
 * <p>A restored state may leave things out (an initial-state file naming only users and passwords):
 * whatever a user lacks is filled in with the defaults of a freshly installed server.
 */
final class SipxconfigStore {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode state;

    private SipxconfigStore(ObjectNode state) {
        this.state = state;
    }

    /** Users {@code firstUser} to {@code firstUser + users - 1}, default settings, one conference each. */
    static SipxconfigStore freshlyInstalled(SipxconfigSimOptions options) {
        ObjectNode state = JSON.objectNode();
        ObjectNode users = state.putObject("users");
        for (int i = 0; i < options.users(); i++) {
            users.putObject(String.valueOf(options.firstUser() + i)).put("password", options.password());
        }
        return restored(state, options);
    }

    static SipxconfigStore restored(JsonNode saved, SipxconfigSimOptions options) {
        ObjectNode state = saved.isObject() ? ((ObjectNode) saved).deepCopy() : JSON.objectNode();
        ObjectNode users = object(state, "users");
        ObjectNode conferences = object(state, "conferences");
        if (!state.has("phonebook") || !state.get("phonebook").isArray()) {
            state.putArray("phonebook");
        }
        if (!state.has("groupSpeedDial")) {
            state.putObject("groupSpeedDial").putArray("buttons");
        }
        boolean freshConferences = conferences.isEmpty() && !saved.has("conferences");
        Iterator<String> names = users.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            ObjectNode user = object(users, name);
            fillUser(name, user, options);
            if (freshConferences) {
                conferences.set("conf" + name, conference("conf" + name, name));
            }
        }
        conferences.fields().forEachRemaining(c -> fillConference(c.getKey(), (ObjectNode) c.getValue()));
        long maxId = 0;
        for (JsonNode entry : state.get("phonebook")) {
            maxId = Math.max(maxId, entry.path("id").asLong());
        }
        if (state.path("nextEntryId").asLong() <= maxId) {
            state.put("nextEntryId", maxId + 1);
        }
        if (!state.has("nextScheduleId")) {
            state.put("nextScheduleId", 1);
        }
        return new SipxconfigStore(state);
    }

    ObjectNode state() {
        return state;
    }

    JsonNode snapshot() {
        return state.deepCopy();
    }

    Optional<ObjectNode> user(String name) {
        JsonNode user = state.path("users").get(name);
        return user instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }

    ObjectNode conferences() {
        return (ObjectNode) state.get("conferences");
    }

    ArrayNode phonebook() {
        return (ArrayNode) state.get("phonebook");
    }

    ObjectNode groupSpeedDial() {
        return (ObjectNode) state.get("groupSpeedDial");
    }

    long nextEntryId() {
        long id = state.path("nextEntryId").asLong(1);
        state.put("nextEntryId", id + 1);
        return id;
    }

    long nextScheduleId() {
        long id = state.path("nextScheduleId").asLong(1);
        state.put("nextScheduleId", id + 1);
        return id;
    }

    /** The voicemail PIN is kept as its SHA-256, as a server keeps a credential: never in clear in a state file. */
    static String pinHash(String pin) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pin.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void fillUser(String name, ObjectNode user, SipxconfigSimOptions options) {
        if (!user.has("password")) {
            user.put("password", options.password());
        }
        if (!user.has("voicemailPermission")) {
            user.put("voicemailPermission", true);
        }
        if (!user.has("pinHash")) {
            user.put("pinHash", pinHash("1234"));
        }
        ObjectNode callfwd = object(user, "callfwd");
        defaults(callfwd, "expiration", JSON.numberNode(20), "withVoicemail", JSON.booleanNode(true));
        if (!callfwd.has("rings")) {
            callfwd.putArray("rings");
        }
        ObjectNode vmprefs = object(user, "vmprefs");
        defaults(vmprefs, "emailFormat", JSON.textNode("FULL"), "altEmailFormat", JSON.nullNode(),
                "greeting", JSON.textNode("STANDARD"), "emailAttachType", JSON.textNode("NO"),
                "emailIncludeAudioAttachment", JSON.booleanNode(false), "altEmail", JSON.nullNode(),
                "altEmailAttachType", JSON.nullNode(), "altEmailIncludeAudioAttachment", JSON.booleanNode(false),
                "email", JSON.nullNode());
        ObjectNode attendant = object(user, "attendant");
        defaults(attendant, "language", JSON.nullNode(), "operator", JSON.nullNode(), "menu", JSON.objectNode(),
                "overrideLanguage", JSON.booleanNode(false), "depositVM", JSON.booleanNode(true),
                "playVMDefaultOptions", JSON.booleanNode(true));
        ObjectNode contact = object(user, "contact");
        defaults(contact, "jobTitle", JSON.nullNode(), "jobDept", JSON.nullNode(), "companyName", JSON.nullNode(),
                "homeAddress", JSON.objectNode(), "officeAddress", JSON.objectNode(), "branchAddress", JSON.objectNode(),
                "imId", JSON.textNode("user" + name), "imDisplayName", JSON.textNode("User " + name),
                "emailAddress", JSON.nullNode(), "useBranchAddress", JSON.booleanNode(false),
                "salutation", JSON.nullNode(), "twiterName", JSON.nullNode(), "linkedinName", JSON.nullNode(),
                "facebookName", JSON.nullNode(), "xingName", JSON.nullNode(), "timestamp", JSON.numberNode(0),
                "enabled", JSON.booleanNode(true), "ldapManaged", JSON.booleanNode(false),
                "firstName", JSON.textNode("User"), "lastName", JSON.textNode(name));
        defaults(object(user, "im"), "statusCallInfo", JSON.booleanNode(false), "otpMessage", JSON.textNode("On the phone"),
                "voicemailOnDnd", JSON.booleanNode(false), "statusPhonePresence", JSON.booleanNode(true));
        defaults(object(user, "imbot"), "confExit", JSON.booleanNode(false), "vmBegin", JSON.booleanNode(false),
                "vmEnd", JSON.booleanNode(false), "confEnter", JSON.booleanNode(false));
        if (!user.has("speeddial")) {
            if (options.speedDial().equals("personal")) {
                ObjectNode personal = user.putObject("speeddial");
                personal.put("groupSpeedDial", false);
                personal.putArray("buttons");
            } else {
                user.putNull("speeddial");
            }
        }
        if (!user.has("schedules")) {
            user.putArray("schedules");
        }
        if (!user.has("cdrs")) {
            user.putArray("cdrs");
        }
        defaults(object(user, "fax"), "extension", JSON.textNode(""), "did", JSON.textNode(""));
        defaults(object(user, "login"), "userName", JSON.textNode(name), "imId", JSON.textNode("user" + name),
                "ldapImAuth", JSON.booleanNode(false), "sipPassword", JSON.textNode("sip" + name));
    }

    static ObjectNode conference(String name, String owner) {
        ObjectNode conference = JSON.objectNode();
        conference.put("owner", owner);
        conference.put("name", name);
        fillConference(name, conference);
        return conference;
    }

    private static void fillConference(String name, ObjectNode conference) {
        defaults(conference, "name", JSON.textNode(name), "enabled", JSON.booleanNode(true),
                "description", JSON.textNode("Conference of " + conference.path("owner").asText()),
                "extension", JSON.textNode(String.valueOf(30000 + Math.abs(name.hashCode() % 10000))),
                "accessCode", JSON.textNode(""), "autorecorded", JSON.booleanNode(false),
                "quickstart", JSON.booleanNode(true), "video", JSON.booleanNode(false),
                "sendActiveVideoOnly", JSON.booleanNode(false), "maxMembers", JSON.numberNode(0),
                "moh", JSON.textNode("FILES_SRC"), "moderatedRoom", JSON.booleanNode(false),
                "publicRoom", JSON.booleanNode(false), "locked", JSON.booleanNode(false));
        if (!conference.has("members")) {
            conference.putArray("members");
        }
    }

    private static void defaults(ObjectNode object, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (!object.has(name)) {
                object.set(name, (JsonNode) namesAndValues[i + 1]);
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        if (existing instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(name);
    }
}
