package dev.switchboard.systems.sipxconfig.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds;
import dev.switchboard.systems.sipxconfig.provider.SipxconfigClient.Setting;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A per-user settings resource (call forwarding, voicemail preferences, ...): one object per user, always
 * there, so never created, deleted or unmanaged. Update: GET it, overlay the declared fields, PUT it back.
 */
final class SettingsType implements Updater {

    @FunctionalInterface
    interface Body {
        JsonNode of(JsonNode live, Map<String, Object> desired, Collection<String> fields);
    }

    private final ResourceKind kind;
    private final Setting setting;
    private final Function<JsonNode, Map<String, Object>> toFields;
    private final Body body;
    private final SipxconfigClient client;

    private SettingsType(ResourceKind kind, Setting setting, Function<JsonNode, Map<String, Object>> toFields, Body body,
                         SipxconfigClient client) {
        this.kind = kind;
        this.setting = setting;
        this.toFields = toFields;
        this.body = body;
        this.client = client;
    }

    /** Every settings kind of a user, each on its own resource. */
    static java.util.List<SettingsType> all(SipxconfigClient client) {
        return java.util.List.of(
                new SettingsType(SipxconfigKinds.CALL_FORWARDING, Setting.CALL_FORWARDING,
                        SipxconfigMapping::callForwarding, SipxconfigMapping::callForwardingBody, client),
                bare(SipxconfigKinds.VOICEMAIL_PREFERENCES, Setting.VOICEMAIL_PREFERENCES,
                        SipxconfigKinds.VOICEMAIL_PREFERENCE_FIELDS, client),
                bare(SipxconfigKinds.PERSONAL_ATTENDANT, Setting.PERSONAL_ATTENDANT, SipxconfigKinds.ATTENDANT_FIELDS,
                        client),
                new SettingsType(SipxconfigKinds.CONTACT_INFORMATION, Setting.CONTACT_INFORMATION,
                        SipxconfigMapping::contactInformation,
                        (live, desired, fields) -> SipxconfigMapping.wrap("contact-information", SipxconfigMapping.overlay(
                                SipxconfigMapping.unwrap(live, "contact-information").deepCopy(), desired, fields)),
                        client),
                bare(SipxconfigKinds.IM_PREFERENCES, Setting.IM_PREFERENCES, SipxconfigKinds.IM_FIELDS, client),
                bare(SipxconfigKinds.IM_BOT_PREFERENCES, Setting.IM_BOT_PREFERENCES, SipxconfigKinds.IM_BOT_FIELDS,
                        client),
                new SettingsType(SipxconfigKinds.SPEED_DIAL, Setting.SPEED_DIAL, SipxconfigMapping::speedDial,
                        (live, desired, fields) -> SipxconfigMapping.overlay(live.deepCopy(), desired, fields), client));
    }

    /** A Jackson resource: bare JSON whose fields are the kind's fields. */
    private static SettingsType bare(ResourceKind kind, Setting setting, java.util.List<SipxconfigKinds.Field> fields,
                                     SipxconfigClient client) {
        return new SettingsType(kind, setting, answer -> {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            SipxconfigMapping.read(answer, fields, "", out);
            return out;
        }, (live, desired, declared) -> SipxconfigMapping.overlay(((ObjectNode) live).deepCopy(), desired, declared),
                client);
    }

    @Override
    public ResourceKind kind() {
        return kind;
    }

    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of("a user's " + kind.name() + " always exists: the API only reads and replaces it");
    }

    /** The user's object, read from its resource. */
    Resource fetch(String user) {
        ResourceKey key = ResourceKey.of(kind, user);
        JsonNode answer = client.get(setting, user, Optional.of(key));
        return Resource.live(key, user, toFields.apply(answer), Set.of());
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String user = live.key().parts().get(0);
        JsonNode current = client.get(setting, user, Optional.of(live.key()));
        if (!current.isObject()) {
            throw client.failure("GET", setting.path, live.key(), 200, "the answer held no settings to update");
        }
        client.put(setting, user, body.of(current, desired.fields(), fields), live.key());
    }
}
