package dev.switchboard.systems.gws;

import dev.switchboard.desired.DesiredStateWriter;
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

    private static final String[] FIELDS = {"userName", "firstName", "lastName", "roles", "enabled",
        "changePasswordOnFirstLogin"};

    @Override
    public Map<String, Object> write(TargetSpec target, ResourceSet live, List<String> notes) {
        List<Object> users = new ArrayList<>();
        for (Resource user : live.ofKind(GwsKinds.USER)) {
            users.add(DesiredStateWriter.pick(user, FIELDS));
        }
        if (!users.isEmpty()) {
            notes.add("GWS never returns passwords, and none is needed for users that exist; to be able to re-create one,"
                    + " add password: \"${env:" + DesiredStateWriter.envName(target.name(), "USERNAME", "PASSWORD")
                    + "}\" to it");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("users", users);
        return document;
    }
}
