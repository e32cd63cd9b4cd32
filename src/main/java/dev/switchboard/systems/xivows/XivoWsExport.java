package dev.switchboard.systems.xivows;

import static dev.switchboard.systems.xivows.XivoWsKinds.DIALACTION_EVENTS;
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

import dev.switchboard.desired.DesiredStateWriter;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live XiVO objects as a {@code xivo-ws} resource file, the inverse of {@link XivoWsReader}: empty texts are
 * left out (an undeclared field is unmanaged, so the file still plans to no changes), flattened fields are
 * nested back. What the API never returns (line secrets, voicemail PINs) or must not be written (the CTI
 * password it does return) is left out with a note saying how to manage it; objects no file can declare
 * (a line without number, a user without line) are left out with a note.
 */
final class XivoWsExport {

    private XivoWsExport() {
    }

    static Map<String, Object> of(TargetSpec target, ResourceSet live, List<String> notes) {
        Map<String, Object> document = new LinkedHashMap<>();
        List<Object> entities = new ArrayList<>();
        for (Resource entity : live.ofKind(ENTITY)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", entity.key().leaf());
            for (String field : ENTITY_FIELDS) {
                entity.field(field).filter(v -> !v.toString().isEmpty() && !field.equals("name"))
                        .ifPresent(v -> out.put(field, v));
            }
            entities.add(out);
        }
        document.put("entities", entities);

        List<Object> lines = new ArrayList<>();
        for (Resource line : live.ofKind(LINE)) {
            if (line.key().leaf().startsWith("~")) {
                notes.add("line " + line.fields().get("name") + " of context " + line.key().parts().get(0)
                        + " has no number yet: it is left out (give it one, or attach it to a user with a number)");
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("context", line.key().parts().get(0));
            out.put("number", line.key().leaf());
            for (String field : concat(List.of("protocol", "name"), LINE_PROTOCOL_FIELDS)) {
                line.field(field).filter(v -> !v.toString().isEmpty()).ifPresent(v -> out.put(field, v));
            }
            line.field("allow").filter(v -> v instanceof Collection<?> c && !c.isEmpty()).ifPresent(v -> out.put("allow", v));
            lines.add(out);
        }
        if (!lines.isEmpty()) {
            notes.add("lines: the API never returns a line's secret; to manage one, add secret: ${env:"
                    + DesiredStateWriter.envName("LINE", "CONTEXT", "NUMBER", "SECRET") + "} (sent on create and with"
                    + " --replace-secrets)");
        }
        document.put("lines", lines);

        List<Object> users = new ArrayList<>();
        for (Resource user : live.ofKind(USER)) {
            if (user.key().parts().get(0).equals("(no line)")) {
                notes.add("user " + user.fields().get("firstname") + " (id " + user.requireId()
                        + ") has no line: it is left out, since a file knows a user by its first line");
                continue;
            }
            users.add(user(user, notes));
        }
        document.put("users", users);

        List<Object> pickups = new ArrayList<>();
        for (Resource pickup : live.ofKind(PICKUP)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", pickup.key().leaf());
            pickup.field("description").filter(v -> !v.toString().isEmpty()).ifPresent(v -> out.put("description", v));
            List<Object> members = new ArrayList<>();
            for (Object member : list(pickup.fields().get("members"))) {
                if (member instanceof Map<?, ?> m && String.valueOf(m.get("user")).startsWith("#")) {
                    notes.add("pickup " + pickup.key().leaf() + ": member user id " + m.get("user").toString().substring(1)
                            + " has no line, so no file can name it: left out, and the group will be re-created"
                            + " without it if it is ever replaced");
                    continue;
                }
                members.add(member);
            }
            out.put("members", members);
            pickups.add(out);
        }
        document.put("pickups", pickups);

        live.ofKind(MAIL_SETTINGS).stream().findFirst().ifPresent(mail -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String field : XivoWsKinds.MAIL_FIELDS) {
                mail.field(field).ifPresent(v -> out.put(field, v));
            }
            document.put("mailSettings", out);
        });
        return document;
    }

    private static Map<String, Object> user(Resource user, List<String> notes) {
        Map<String, Object> out = new LinkedHashMap<>();
        user.field("entity").ifPresent(v -> out.put("entity", v));
        out.put("lines", user.fields().get("lines"));
        for (String field : USER_TEXT_FIELDS) {
            user.field(field).filter(v -> !v.toString().isEmpty()).ifPresent(v -> out.put(field, v));
        }
        for (String field : concat(USER_NUMBER_FIELDS, USER_FLAG_FIELDS)) {
            user.field(field).filter(v -> !(v instanceof String s && s.isEmpty())).ifPresent(v -> out.put(field, v));
        }
        String who = "user " + user.key().path();
        if (user.field("passwdclient").filter(v -> v instanceof Secret s ? !s.reveal().isEmpty() : !v.toString().isEmpty())
                .isPresent()) {
            String env = DesiredStateWriter.envName("CTI", user.key().parts().get(0), user.key().leaf(), "PASSWORD");
            notes.add(who + ": its CTI password (passwdclient) is not written to the file; to manage it, add"
                    + " passwdclient: ${env:" + env + "}");
        }
        Map<String, Object> voicemail = new LinkedHashMap<>();
        for (String field : List.of("fullname", "mailbox", "email", "tz", "attach", "deletevoicemail")) {
            user.field("voicemail." + field).filter(v -> !v.toString().isEmpty()).ifPresent(v -> voicemail.put(field, v));
        }
        if (!voicemail.isEmpty()) {
            out.put("voicemail", voicemail);
            notes.add(who + ": the API never returns voicemail PINs; to manage it, add voicemail.password: ${env:"
                    + DesiredStateWriter.envName("VM", user.key().parts().get(0), user.key().leaf(), "PASSWORD") + "}");
        }
        user.field("vmfeatures.skipcheckpass").ifPresent(v -> out.put("vmfeatures", Map.of("skipcheckpass", v)));
        Map<String, Object> dialaction = new LinkedHashMap<>();
        for (String event : DIALACTION_EVENTS) {
            user.field("dialaction." + event).ifPresent(v -> dialaction.put(event, v));
        }
        if (!dialaction.isEmpty()) {
            out.put("dialaction", dialaction);
        }
        for (String field : List.of("groups", "queues", "funckeys", "queueskills")) {
            user.field(field).filter(v -> v instanceof Collection<?> c && !c.isEmpty()).ifPresent(v -> out.put(field, v));
        }
        return out;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
