package dev.switchboard.systems.gws;

import dev.switchboard.desired.ResourceFileWriter;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live GWS users as a resource file, the inverse of {@link GwsReader}. Passwords are never returned by
 * the API and are needed only to create a user, so none is written: a note says how to add one.
 */
final class GwsExport implements ResourceFileWriter {

    private static final List<String> FIELDS = List.of("userName", "firstName", "lastName", "roles", "enabled",
            "changePasswordOnFirstLogin");

    @Override
    public Map<String, Object> write(TargetSpec target, ResourceSet live, List<String> notes) {
        List<Object> users = new ArrayList<>();
        for (Resource user : live.ofKind(GwsKinds.USER)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String field : FIELDS) {
                user.field(field).ifPresent(value -> out.put(field, value));
            }
            users.add(out);
        }
        if (!users.isEmpty()) {
            notes.add("GWS never returns passwords, and none is needed for users that exist; to be able to re-create one,"
                    + " add password: \"${env:" + envName(target.name(), "USERNAME") + "_PASSWORD}\" to it");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("users", users);
        return document;
    }

    /** {@code GWS_MAIN_USERNAME}: an environment variable name made of its parts. */
    static String envName(String... parts) {
        return String.join("_", parts).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }
}
