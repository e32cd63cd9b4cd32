package dev.switchboard.systems.sipxconfig;

import static dev.switchboard.systems.sipxconfig.SipxconfigKinds.*;

import dev.switchboard.desired.ResourceFileWriter;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.TargetSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Live sipXconfig objects as a resource file, the inverse of {@link SipxconfigReader}: one entry per user the
 * target lists, with every setting the API shows, its conferences and its private phonebook. Voicemail PINs
 * are never shown by the API, so none is written; a note says how to add one.
 */
final class SipxconfigExport implements ResourceFileWriter {

    @Override
    public Map<String, Object> write(TargetSpec target, ResourceSet live, List<String> notes) {
        TreeSet<String> users = new TreeSet<>(Comparator.comparing((String u) -> u.length()).thenComparing(u -> u));
        live.all().forEach(r -> users.add(r.key().parts().get(0)));
        List<Object> entries = new ArrayList<>();
        for (String user : users) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("user", user);
            one(live, CALL_FORWARDING, user).ifPresent(r -> entry.put("callForwarding", nested(r.fields())));
            Map<String, Object> voicemail = new LinkedHashMap<>();
            one(live, VOICEMAIL_PREFERENCES, user).ifPresent(r -> voicemail.put("preferences", nested(r.fields())));
            one(live, PERSONAL_ATTENDANT, user).ifPresent(r -> voicemail.put("attendant", nested(r.fields())));
            if (!voicemail.isEmpty()) {
                entry.put("voicemail", voicemail);
            }
            one(live, CONTACT_INFORMATION, user).ifPresent(r -> entry.put("contactInformation", nested(r.fields())));
            one(live, IM_PREFERENCES, user).ifPresent(r -> entry.put("imPreferences", nested(r.fields())));
            one(live, IM_BOT_PREFERENCES, user).ifPresent(r -> entry.put("imBotPreferences", nested(r.fields())));
            one(live, SPEED_DIAL, user).ifPresent(r -> entry.put("speedDial", nested(r.fields())));
            List<Object> conferences = new ArrayList<>();
            for (Resource conference : of(live, CONFERENCE_SETTINGS, user)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("name", conference.key().parts().get(1));
                out.putAll(conference.fields());
                conferences.add(out);
            }
            if (!conferences.isEmpty()) {
                entry.put("conferences", conferences);
            }
            List<Object> phonebook = new ArrayList<>();
            for (Resource phonebookEntry : of(live, PHONEBOOK_ENTRY, user)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("number", phonebookEntry.key().parts().get(1));
                out.putAll(nested(phonebookEntry.fields()));
                phonebook.add(out);
            }
            if (!phonebook.isEmpty()) {
                entry.put("phonebook", phonebook);
            }
            entries.add(entry);
        }
        if (!users.isEmpty()) {
            notes.add("voicemail PINs are never shown by the API, so none was written; to set one, add"
                    + " pin: ${env:SIPX_<USER>_VM_PIN} under a user's voicemail (it is sent once, then when it changes)");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("users", entries);
        return document;
    }

    private static Optional<Resource> one(ResourceSet live, ResourceKind kind, String user) {
        return of(live, kind, user).stream().findFirst();
    }

    private static List<Resource> of(ResourceSet live, ResourceKind kind, String user) {
        return live.ofKind(kind, List.of(user));
    }

    /** Dotted field names ({@code officeAddress.city}) as the nested mappings people write. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> nested(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String[] path = field.getKey().split("\\.");
            Map<String, Object> parent = out;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (Map<String, Object>) parent.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            parent.put(path[path.length - 1], field.getValue());
        }
        return out;
    }
}
