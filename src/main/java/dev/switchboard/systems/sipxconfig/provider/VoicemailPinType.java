package dev.switchboard.systems.sipxconfig.provider;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.model.Secret;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A user's voicemail PIN: set with {@code PUT /my/voicemail/pin/{pin}}, never read back, so the live object
 * has no fields and the PIN is sent when it is first declared and whenever its fingerprint changes.
 */
final class VoicemailPinType implements Updater {

    private final SipxconfigClient client;

    VoicemailPinType(SipxconfigClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return SipxconfigKinds.VOICEMAIL_PIN;
    }

    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of("a voicemail PIN can only be set: the API never shows it");
    }

    /** What the API tells of a user's PIN: nothing but that the user has one. */
    Resource fetch(String user) {
        return Resource.live(ResourceKey.of(kind(), user), user, Map.of(), Set.of());
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        Object pin = desired.fields().get("pin");
        if (!fields.contains("pin") || pin == null) {
            return;
        }
        Secret secret = pin instanceof Secret s ? s : Secret.fromLive(String.valueOf(pin));
        client.setVoicemailPin(live.key().parts().get(0), secret, live.key());
    }
}
