package dev.switchboard.systems.sipxconfig;

import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.*;

import dev.switchboard.desired.Problem;
import dev.switchboard.desired.ResourceFileContext;
import dev.switchboard.desired.ResourceFileReader;
import dev.switchboard.desired.YamlObject;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a sipXconfig resource file (users, each with its settings, conferences and phonebook) into
 * natural-keyed resources (see {@link SipxconfigKinds}), and refuses a user that the target does not list:
 * Switchboard can only act as a user whose password it has.
 */
final class SipxconfigReader implements ResourceFileReader {

    @Override
    public void read(YamlObject root, ResourceFileContext context) {
        Set<String> listed = listedUsers(context);
        for (YamlObject user : root.objects("users", "sipxUser")) {
            Optional<String> name = user.text("user");
            if (name.isEmpty()) {
                continue;
            }
            if (!listed.contains(name.get())) {
                user.problem(Problem.at(user.locationOf("user"), user.fieldPath("user"), "user " + name.get()
                        + " is not listed under the users of target " + context.target().name()
                        + ": Switchboard acts on a user's settings as that user, with its password",
                        "add \"" + name.get() + "\": { password: ${env:...} } to its users in switchboard.yaml"
                                + (listed.isEmpty() ? "" : " (listed: " + String.join(", ", listed) + ")")));
                continue;
            }
            readUser(name.get(), user, context);
        }
    }

    private static Set<String> listedUsers(ResourceFileContext context) {
        Set<String> users = new TreeSet<>();
        if (context.target().options().get(SipxconfigTargetFields.LISTED_USERS) instanceof List<?> names) {
            names.forEach(u -> users.add(String.valueOf(u)));
        }
        return users;
    }

    private void readUser(String user, YamlObject entry, ResourceFileContext context) {
        entry.object("callForwarding", "sipxCallForwarding").ifPresent(o -> {
            Map<String, Object> fields = fields(o, CALL_FORWARDING_FIELDS, "");
            if (o.fieldNames().contains("rings")) {
                fields.put("rings", list(o.objects("rings", "sipxRing"), RING_FIELDS, RING_DEFAULTS));
            }
            declare(CALL_FORWARDING, fields, o, context, user);
        });
        entry.object("voicemail", "sipxVoicemail").ifPresent(voicemail -> {
            voicemail.object("preferences", "sipxVoicemailPreferences").ifPresent(o ->
                    declare(VOICEMAIL_PREFERENCES, fields(o, VOICEMAIL_PREFERENCE_FIELDS, ""), o, context, user));
            voicemail.object("attendant", "sipxPersonalAttendant").ifPresent(o ->
                    declare(PERSONAL_ATTENDANT, fields(o, ATTENDANT_FIELDS, ""), o, context, user));
            voicemail.secret("pin", context.literalSecretsAllowed()).ifPresent(pin -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("pin", pin);
                context.declare(Resource.desired(ResourceKey.of(VOICEMAIL_PIN, user), fields, Set.of(),
                        new ResourceOptions(false, context.settings().ignored(VOICEMAIL_PIN.name())), voicemail.location()),
                        voicemail);
            });
        });
        entry.object("contactInformation", "sipxContactInformation").ifPresent(o -> {
            Map<String, Object> fields = fields(o, CONTACT_FIELDS, "");
            for (String address : CONTACT_ADDRESSES) {
                o.object(address, "sipxAddress").ifPresent(a -> fields.putAll(fields(a, ADDRESS_FIELDS, address + ".")));
            }
            declare(CONTACT_INFORMATION, fields, o, context, user);
        });
        entry.object("imPreferences", "sipxImPreferences").ifPresent(o ->
                declare(IM_PREFERENCES, fields(o, IM_FIELDS, ""), o, context, user));
        entry.object("imBotPreferences", "sipxImBotPreferences").ifPresent(o ->
                declare(IM_BOT_PREFERENCES, fields(o, IM_BOT_FIELDS, ""), o, context, user));
        entry.object("speedDial", "sipxSpeedDial").ifPresent(o -> {
            Map<String, Object> fields = fields(o, SPEED_DIAL_FIELDS, "");
            if (o.fieldNames().contains("buttons")) {
                fields.put("buttons", list(o.objects("buttons", "sipxSpeedDialButton"), BUTTON_FIELDS,
                        Map.of("blf", false)));
            }
            declare(SPEED_DIAL, fields, o, context, user);
        });
        for (YamlObject conference : entry.objects("conferences", "sipxConference")) {
            conference.text("name").ifPresent(name -> declare(CONFERENCE_SETTINGS,
                    fields(conference, CONFERENCE_FIELDS, ""), conference, context, user, name));
        }
        for (YamlObject phonebookEntry : entry.objects("phonebook", "sipxPhonebookEntry")) {
            readEntry(user, phonebookEntry, context);
        }
    }

    private void readEntry(String user, YamlObject entry, ResourceFileContext context) {
        Optional<String> number = entry.text("number");
        if (number.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        entry.text("firstName").ifPresent(v -> fields.put("firstName", v));
        entry.text("lastName").ifPresent(v -> fields.put("lastName", v));
        entry.object("contactInformation", "sipxEntryContactInformation").ifPresent(contact -> {
            fields.putAll(fields(contact, ENTRY_CONTACT_FIELDS, "contactInformation."));
            for (String address : ENTRY_ADDRESSES) {
                contact.object(address, "sipxAddress").ifPresent(a ->
                        fields.putAll(fields(a, ADDRESS_FIELDS, "contactInformation." + address + ".")));
            }
        });
        Set<String> ignore = new LinkedHashSet<>(context.settings().ignored(PHONEBOOK_ENTRY.name()));
        ignore.addAll(entry.texts("ignore"));
        context.declare(Resource.desired(ResourceKey.of(PHONEBOOK_ENTRY, user, number.get()), fields, Set.of(),
                new ResourceOptions(entry.bool("protect").orElse(false), ignore), entry.location()), entry);
    }

    /** Declares an object of {@code kind} keyed by the user (and {@code more}), with its {@code ignore}. */
    private static void declare(ResourceKind kind, Map<String, Object> fields, YamlObject where,
                                ResourceFileContext context, String user, String... more) {
        List<String> key = new ArrayList<>();
        key.add(user);
        key.addAll(List.of(more));
        Set<String> ignore = new LinkedHashSet<>(context.settings().ignored(kind.name()));
        ignore.addAll(where.texts("ignore"));
        context.declare(Resource.desired(new ResourceKey(kind, key), fields, Set.of(), new ResourceOptions(false, ignore),
                where.location()), where);
    }

    /** The given fields of {@code object}, with their types, named {@code prefix + name}. */
    static Map<String, Object> fields(YamlObject object, List<Field> fields, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field field : fields) {
            String name = field.name();
            Optional<?> value = switch (field.type()) {
                case TEXT -> object.text(name);
                case BOOLEAN -> object.bool(name);
                case INTEGER -> object.integer(name);
                case NODE -> JsonValues.value(object.node(name));
            };
            value.ifPresent(v -> out.put(prefix + name, v));
        }
        return out;
    }

    /** Items of a list, each with every field of {@code fields}: those left out take their default. */
    private static List<Object> list(List<YamlObject> items, List<Field> fields, Map<String, Object> defaults) {
        List<Object> out = new ArrayList<>();
        for (YamlObject item : items) {
            Map<String, Object> one = new LinkedHashMap<>();
            Map<String, Object> given = fields(item, fields, "");
            for (Field field : fields) {
                Object value = given.containsKey(field.name()) ? given.get(field.name()) : defaults.get(field.name());
                if (value != null) {
                    one.put(field.name(), value);
                }
            }
            out.add(one);
        }
        return out;
    }
}
