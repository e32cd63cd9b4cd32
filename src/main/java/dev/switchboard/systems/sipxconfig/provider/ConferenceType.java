package dev.switchboard.systems.sipxconfig.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a conference a user owns ({@code /my/conferences/{name}}, wrapped in {@code setting}).
 * Conferences are made by the administrator, not through this API: update only, and a live one that no file
 * declares is not unmanaged.
 */
final class ConferenceType implements Updater {

    private final SipxconfigClient client;

    ConferenceType(SipxconfigClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return SipxconfigKinds.CONFERENCE_SETTINGS;
    }

    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of("conferences are made and removed by the administrator: this API only changes their settings");
    }

    Resource fetch(String user, String name) {
        ResourceKey key = ResourceKey.of(kind(), user, name);
        JsonNode setting = SipxconfigMapping.unwrap(client.getConference(user, name, Optional.of(key)), "setting");
        Map<String, Object> fields = new LinkedHashMap<>();
        SipxconfigMapping.read(setting, SipxconfigKinds.CONFERENCE_FIELDS, "", fields);
        return Resource.live(key, user + "/" + name, fields, Set.of());
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String user = live.key().parts().get(0);
        String name = live.key().parts().get(1);
        JsonNode setting = SipxconfigMapping.unwrap(client.getConference(user, name, Optional.of(live.key())), "setting");
        if (!setting.isObject()) {
            throw client.failure("GET", "/conferences/" + name, live.key(), 200, "the answer held no conference settings");
        }
        client.putConference(user, name, SipxconfigMapping.wrap("setting",
                SipxconfigMapping.overlay(setting.deepCopy(), desired.fields(), fields)), live.key());
    }
}
