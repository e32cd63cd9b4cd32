package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.xivows.XivoWsKinds;
import dev.switchboard.systems.xivows.provider.XivoWsClient.Module;
import java.util.Optional;
import java.util.Set;

/** The one mail settings object of a XiVO (id 1): view and edit, never created or deleted. */
final class MailSettingsType implements Updater {

    private final XivoWsClient client;

    MailSettingsType(XivoWsClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XivoWsKinds.MAIL_SETTINGS;
    }

    /** It exists on every XiVO by itself: undeclared, it is left alone, never reported unmanaged. */
    @Override
    public boolean singleton() {
        return true;
    }

    @Override
    public Optional<String> apiLimit() {
        return Optional.of("a XiVO has exactly one mail settings object, which can be viewed and edited only");
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        JsonNode current = client.view(Module.MAIL, Optional.empty(), Optional.of(live.key()))
                .orElseGet(XivoWsMapping.NODES::objectNode);
        ObjectNode body = current.deepCopy();
        body.remove("id");
        for (String field : fields) {
            desired.field(field).ifPresent(value -> body.set(field, field.equals("canonical")
                    ? XivoWsMapping.apiJson(value) : XivoWsMapping.NODES.textNode(XivoWsMapping.apiText(value))));
        }
        client.write(Module.MAIL, "edit", Optional.empty(), body, live.key());
    }
}
