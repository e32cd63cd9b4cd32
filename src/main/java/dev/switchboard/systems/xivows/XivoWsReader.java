package dev.switchboard.systems.xivows;

import static dev.switchboard.systems.xivows.XivoWsKinds.DIALACTION_EVENTS;
import static dev.switchboard.systems.xivows.XivoWsKinds.DIALACTION_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.ENTITY;
import static dev.switchboard.systems.xivows.XivoWsKinds.ENTITY_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.LINE;
import static dev.switchboard.systems.xivows.XivoWsKinds.LINE_PROTOCOL_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.MAIL_SETTINGS;
import static dev.switchboard.systems.xivows.XivoWsKinds.PICKUP;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER_FLAG_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER_NUMBER_FIELDS;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER_TEXT_FIELDS;

import dev.switchboard.desired.Problem;
import dev.switchboard.desired.ResourceFileContext;
import dev.switchboard.desired.YamlObject;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code xivo-ws} resource file (entities, lines, users, pickup groups, mail settings) into
 * natural-keyed resources in the shape {@link XivoWsKinds} describes: a user's {@code voicemail},
 * {@code vmfeatures} and {@code dialaction} are flattened ({@code voicemail.email}), so that only the
 * sub-fields a file declares are managed; references (a user's entity and lines, a pickup member's user)
 * are recorded for the loader to check. A user without a line is refused here, with a hint.
 */
final class XivoWsReader {

    private final ResourceFileContext context;

    private XivoWsReader(ResourceFileContext context) {
        this.context = context;
    }

    static void read(YamlObject root, ResourceFileContext context) {
        new XivoWsReader(context).read(root);
    }

    private void read(YamlObject root) {
        root.objects("entities", "xivoWsEntity").forEach(this::readEntity);
        root.objects("lines", "xivoWsLine").forEach(this::readLine);
        root.objects("users", "xivoWsUser").forEach(this::readUser);
        root.objects("pickups", "xivoWsPickup").forEach(this::readPickup);
        root.object("mailSettings", "xivoWsMailSettings").ifPresent(this::readMail);
    }

    private void readEntity(YamlObject entity) {
        Optional<String> name = entity.text("name");
        if (name.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : ENTITY_FIELDS) {
            entity.text(field).ifPresent(v -> fields.put(field, v));
        }
        fields.put("name", name.get());
        declare(ResourceKey.of(ENTITY, name.get()), fields, Set.of(), entity, true);
    }

    private void readLine(YamlObject line) {
        Optional<String> number = line.text("number");
        if (number.isEmpty()) {
            return;
        }
        String lineContext = line.text("context").orElse("default");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("context", lineContext);
        fields.put("number", number.get());
        line.text("protocol").ifPresent(v -> fields.put("protocol", v));
        line.text("name").ifPresent(v -> fields.put("name", v));
        line.secret("secret", context.literalSecretsAllowed()).ifPresent(v -> fields.put("secret", v));
        for (String field : LINE_PROTOCOL_FIELDS) {
            line.text(field).ifPresent(v -> fields.put(field, v));
        }
        if (line.fieldNames().contains("allow")) {
            fields.put("allow", line.texts("allow"));
        }
        declare(ResourceKey.of(LINE, lineContext, number.get()), fields, Set.of(), line, true);
    }

    private void readUser(YamlObject user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        user.text("entity").ifPresent(entity -> {
            fields.put("entity", entity);
            ResourceKey key = XivoWsKinds.entityKey(entity);
            dependsOn.add(key);
            context.reference(key, user, "entity", "entity '" + entity + "' is not declared (declare every entity"
                    + " users name, the installation's too: export -t writes it)");
        });
        List<String> lines = user.texts("lines");
        for (int i = 0; i < lines.size(); i++) {
            ResourceKey key = XivoWsKinds.lineKey(lines.get(i));
            dependsOn.add(key);
            context.reference(key, user, "lines", "line " + lines.get(i) + " is not declared under lines:");
        }
        if (lines.isEmpty()) {
            user.problem(Problem.at(user.location(), user.fieldPath(),
                    "user " + user.text("firstname").orElse("") + " has no line: a xivo-ws user is known by the"
                            + " context/number of its first line",
                    "declare a line under lines: ({ context: default, number: \"4000\", protocol: sip }) and name it"
                            + " here: lines: [ default/4000 ]"));
            readUserFields(user, fields);
            return;
        }
        fields.put("lines", lines);
        readUserFields(user, fields);
        declare(XivoWsKinds.userKey(lines.get(0)), fields, dependsOn, user, true);
    }

    private void readUserFields(YamlObject user, Map<String, Object> fields) {
        for (String field : USER_TEXT_FIELDS) {
            user.text(field).ifPresent(v -> fields.put(field, v));
        }
        for (String field : USER_NUMBER_FIELDS) {
            user.integer(field).ifPresent(v -> fields.put(field, v));
        }
        for (String field : USER_FLAG_FIELDS) {
            user.bool(field).ifPresent(v -> fields.put(field, v));
        }
        user.secret("passwdclient", context.literalSecretsAllowed()).ifPresent(v -> fields.put("passwdclient", v));
        user.object("voicemail", "xivoWsVoicemail").ifPresent(vm -> {
            for (String field : List.of("fullname", "mailbox", "email", "tz")) {
                vm.text(field).ifPresent(v -> fields.put("voicemail." + field, v));
            }
            vm.secret("password", context.literalSecretsAllowed()).ifPresent(v -> fields.put("voicemail.password", v));
            for (String field : List.of("attach", "deletevoicemail")) {
                vm.bool(field).ifPresent(v -> fields.put("voicemail." + field, v));
            }
        });
        user.object("vmfeatures", "xivoWsVmfeatures").flatMap(vm -> vm.bool("skipcheckpass"))
                .ifPresent(v -> fields.put("vmfeatures.skipcheckpass", v));
        user.object("dialaction", "xivoWsDialactions").ifPresent(actions -> {
            for (String event : DIALACTION_EVENTS) {
                actions.object(event, "xivoWsDialaction").ifPresent(action -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (String field : DIALACTION_FIELDS) {
                        action.text(field).filter(v -> !v.isEmpty()).ifPresent(v -> out.put(field, v));
                    }
                    fields.put("dialaction." + event, out);
                });
            }
        });
        if (user.fieldNames().contains("groups")) {
            List<Object> groups = new ArrayList<>();
            for (YamlObject group : user.objects("groups", "xivoWsGroupMember")) {
                Map<String, Object> out = new LinkedHashMap<>();
                group.text("name").ifPresent(v -> out.put("name", v));
                group.text("chantype").ifPresent(v -> out.put("chantype", v));
                group.integer("call-limit").ifPresent(v -> out.put("call-limit", v));
                groups.add(out);
            }
            fields.put("groups", groups);
        }
        if (user.fieldNames().contains("queues")) {
            List<Object> queues = new ArrayList<>();
            for (YamlObject queue : user.objects("queues", "xivoWsQueueMember")) {
                Map<String, Object> out = new LinkedHashMap<>();
                queue.text("name").ifPresent(v -> out.put("name", v));
                queue.text("chantype").ifPresent(v -> out.put("chantype", v));
                queue.integer("penalty").ifPresent(v -> out.put("penalty", v));
                queue.integer("call-limit").ifPresent(v -> out.put("call-limit", v));
                queues.add(out);
            }
            fields.put("queues", queues);
        }
        if (user.fieldNames().contains("funckeys")) {
            List<Object> keys = new ArrayList<>();
            for (YamlObject key : user.objects("funckeys", "xivoWsFunckey")) {
                Map<String, Object> out = new LinkedHashMap<>();
                key.integer("fknum").ifPresent(v -> out.put("fknum", v));
                out.put("type", key.text("type").orElse(""));
                out.put("typeval", key.text("typeval").orElse(""));
                out.put("supervision", key.bool("supervision").orElse(false));
                keys.add(out);
            }
            fields.put("funckeys", keys);
        }
        if (user.fieldNames().contains("queueskills")) {
            List<Object> skills = new ArrayList<>();
            for (YamlObject skill : user.objects("queueskills", "xivoWsQueueSkill")) {
                Map<String, Object> out = new LinkedHashMap<>();
                skill.integer("id").ifPresent(v -> out.put("id", v));
                skill.integer("weight").ifPresent(v -> out.put("weight", v));
                skills.add(out);
            }
            fields.put("queueskills", skills);
        }
    }

    private void readPickup(YamlObject pickup) {
        Optional<String> name = pickup.text("name");
        if (name.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        fields.put("name", name.get());
        pickup.text("description").ifPresent(v -> fields.put("description", v));
        if (pickup.fieldNames().contains("members")) {
            List<Object> members = new ArrayList<>();
            for (YamlObject member : pickup.objects("members", "xivoWsPickupMember")) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("category", member.text("category").orElse("member"));
                member.text("user").ifPresent(user -> {
                    out.put("user", user);
                    ResourceKey key = XivoWsKinds.userKey(user);
                    dependsOn.add(key);
                    context.reference(key, member, "user", "no declared user has line " + user + " as its first line");
                });
                member.integer("group").ifPresent(v -> out.put("group", v));
                member.integer("queue").ifPresent(v -> out.put("queue", v));
                members.add(out);
            }
            fields.put("members", members);
        }
        declare(ResourceKey.of(PICKUP, name.get()), fields, dependsOn, pickup, false);
    }

    private void readMail(YamlObject mail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : List.of("mydomain", "origin", "relayhost", "fallback_relayhost")) {
            mail.text(field).ifPresent(v -> fields.put(field, v));
        }
        if (mail.fieldNames().contains("canonical")) {
            List<Object> rules = new ArrayList<>();
            for (YamlObject rule : mail.objects("canonical", "xivoWsCanonical")) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("pattern", rule.text("pattern").orElse(""));
                out.put("result", rule.text("result").orElse(""));
                rules.add(out);
            }
            fields.put("canonical", rules);
        }
        context.declare(Resource.desired(XivoWsKinds.mailKey(), fields, Set.of(),
                context.options(mail, MAIL_SETTINGS, true), mail.location()), mail);
    }

    private void declare(ResourceKey key, Map<String, Object> fields, Set<ResourceKey> dependsOn, YamlObject where,
                         boolean hasIgnore) {
        context.declare(Resource.desired(key, fields, dependsOn, context.options(where, key.kind(), hasIgnore),
                where.location()), where);
    }
}
