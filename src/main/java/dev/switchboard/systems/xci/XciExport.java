package dev.switchboard.systems.xci;

import dev.switchboard.desired.DesiredStateWriter;
import static dev.switchboard.systems.xci.XciKinds.ADMINISTRATOR;
import static dev.switchboard.systems.xci.XciKinds.ENTITY;
import static dev.switchboard.systems.xci.XciKinds.TEMPLATE;
import static dev.switchboard.systems.xci.XciKinds.USER;
import static dev.switchboard.systems.xci.XciKinds.XIVO;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live XCI objects as a resource file, the inverse of {@link XciReader}. What the API never returns is
 * filled in so the file is valid, and said in a note: a user's template (the one available to its
 * entity) and administrators' passwords (an {@code ${env:NAME}} to set).
 */
final class XciExport {

    private static final String[] TEMPLATE_FIELDS = {"name", "xivos", "entities", "peerSipName", "ringingTime",
        "routedInbound", "routedInboundPrefix", "callerIdMode", "customCallerId", "voiceMailEnabled",
        "voiceMailNumberMode", "voiceMailCustomNumber", "voiceMailSendEmail"};

    private XciExport() {
    }

    static Map<String, Object> of(ResourceSet live, List<String> notes) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("xivos", live.ofKind(XIVO).stream().map(x -> (Object) DesiredStateWriter.pick(x, "name", "host")).toList());
        List<Resource> templates = live.ofKind(TEMPLATE);
        document.put("templates", templates.stream().map(t -> (Object) DesiredStateWriter.pick(t, TEMPLATE_FIELDS)).toList());
        // each entity's users, in one pass over them rather than one for every entity
        Map<Object, List<Resource>> usersByEntity = new HashMap<>();
        for (Resource user : live.ofKind(USER)) {
            usersByEntity.computeIfAbsent(user.fields().get("entity"), e -> new ArrayList<>()).add(user);
        }
        List<Object> entities = new ArrayList<>();
        for (Resource entity : live.ofKind(ENTITY)) {
            Map<String, Object> out = DesiredStateWriter.pick(entity, "name", "xivo", "displayName", "intervals",
                    "presentedNumber");
            String combined = entity.key().leaf();
            String xivo = String.valueOf(entity.fields().get("xivo"));
            List<Object> users = new ArrayList<>();
            for (Resource user : usersByEntity.getOrDefault(combined, List.of())) {
                users.add(user(user, xivo, combined, templates, notes));
            }
            if (!users.isEmpty()) {
                out.put("users", users);
            }
            entities.add(out);
        }
        document.put("entities", entities);
        List<Object> administrators = new ArrayList<>();
        for (Resource administrator : live.ofKind(ADMINISTRATOR)) {
            Map<String, Object> out = DesiredStateWriter.pick(administrator, "login", "name", "superAdmin", "ldap");
            // The built-in admin has no name: "" is no name (the schema refuses an empty one), so it is left out.
            if ("".equals(out.get("name"))) {
                out.remove("name");
            }
            if (!Boolean.TRUE.equals(administrator.fields().get("ldap"))) {
                String env = DesiredStateWriter.envName("XCI", administrator.key().leaf(), "PASSWORD");
                out.put("password", "${env:" + env + "}");
                notes.add("administrator " + administrator.key().leaf() + ": the API never returns passwords; set " + env
                        + " (it is only sent when the administrator is created or with --replace-secrets)");
            }
            administrator.field("entities").ifPresent(e -> out.put("entities", e));
            administrators.add(out);
        }
        document.put("administrators", administrators);
        return document;
    }

    private static Map<String, Object> user(Resource user, String xivo, String entity, List<Resource> templates,
                                            List<String> notes) {
        Map<String, Object> out = DesiredStateWriter.pick(user, "internalNumber", "firstName", "lastName");
        List<String> available = templates.stream()
                .filter(t -> contains(t.fields().get("entities"), entity) || contains(t.fields().get("xivos"), xivo))
                .map(t -> t.key().leaf())
                .toList();
        String who = "user " + user.key().path();
        if (available.isEmpty()) {
            out.put("template", "CHOOSE-A-TEMPLATE");
            notes.add(who + ": the API does not say which template it was made from and none is available to "
                    + entity + "; replace CHOOSE-A-TEMPLATE");
        } else {
            out.put("template", available.get(0));
            if (available.size() > 1) {
                notes.add(who + ": the API does not say which template it was made from; wrote " + available.get(0)
                        + ", one of " + String.join(", ", available) + " (it only matters when the user is re-created)");
            }
        }
        user.field("ctiLogin").ifPresent(login -> out.put("ctiLogin", login));
        if (user.fields().get("ctiPassword") instanceof Secret) {
            String env = DesiredStateWriter.envName("CTI", xivo, user.key().leaf(), "PASSWORD");
            out.put("ctiPassword", "${env:" + env + "}");
            notes.add(who + ": its CTI password is not written to the file; set " + env + " to it");
        }
        return out;
    }

    private static boolean contains(Object list, String value) {
        return list instanceof Collection<?> values && values.contains(value);
    }
}
