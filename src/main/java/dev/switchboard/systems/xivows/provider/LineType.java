package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.xivows.XivoWsKinds;
import dev.switchboard.systems.xivows.provider.XivoWsClient.Module;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lines: add and edit send the document's {@code protocol} object, plus {@code linefeatures} with the number
 * and context (a XiVO that reads only {@code protocol} leaves the number to the user that attaches the line).
 * A number that is neither free nor this line's is refused before any write, from the free-extensions search.
 */
final class LineType implements Creator, Updater, Deleter {

    private final XivoWsClient client;

    LineType(XivoWsClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return XivoWsKinds.LINE;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        String context = desired.key().parts().get(0);
        String number = desired.key().leaf();
        requireFree(desired, context, number);
        client.write(Module.LINES, "add", Optional.empty(), body(desired, Optional.empty(), Set.of()), desired.key());
        return findByKey(desired, ids).orElseThrow(() -> client.notReadBack(Module.LINES, "add", desired.key()));
    }

    /** By context and number; else, for a XiVO that ignored the number, by the declared peer name. */
    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        String context = desired.key().parts().get(0);
        String number = desired.key().leaf();
        Map<String, String> search = new LinkedHashMap<>();
        search.put("search", number);
        search.put("context", context);
        Optional<JsonNode> found = client.list(Module.LINES, "search", search).stream()
                .filter(l -> l.path("context").asText().equals(context) && l.path("number").asText().equals(number))
                .findFirst();
        Optional<String> name = desired.field("name").map(XivoWsMapping::apiText);
        if (found.isEmpty() && name.isPresent()) {
            found = client.list(Module.LINES, "search", Map.of("search", name.get())).stream()
                    .filter(l -> l.path("name").asText().equals(name.get())).findFirst();
        }
        return found.map(XivoWsMapping::line).map(line -> line.withFields(withKeyFields(line, desired)));
    }

    private static Map<String, Object> withKeyFields(Resource found, Resource desired) {
        Map<String, Object> fields = new LinkedHashMap<>(found.fields());
        fields.put("number", desired.key().leaf());
        return fields;
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String id = live.requireId();
        JsonNode current = client.view(Module.LINES, Optional.of(id), Optional.of(live.key()))
                .orElseThrow(() -> new ProviderException(client.target(), Optional.of(live.key().toString()), "GET",
                        Module.LINES.path() + "?act=view&id=" + id, 404, "the line is gone", false, null));
        if (fields.contains("number")) {
            requireFree(desired, desired.key().parts().get(0), desired.key().leaf());
        }
        client.write(Module.LINES, "edit", Optional.of(id), body(desired, Optional.of(current), fields), live.key());
    }

    @Override
    public void delete(Resource live) {
        client.delete(Module.LINES, live.requireId(), live.key());
    }

    /** The current {@code protocol} (for an edit) with the declared fields laid over it. */
    private static ObjectNode body(Resource desired, Optional<JsonNode> current, Set<String> changed) {
        ObjectNode protocol = current.map(c -> (ObjectNode) c.path("protocol").deepCopy())
                .orElseGet(XivoWsMapping.NODES::objectNode);
        String context = desired.key().parts().get(0);
        for (Map.Entry<String, Object> field : desired.fields().entrySet()) {
            String name = field.getKey();
            if (List.of("number", "context").contains(name) || (current.isPresent() && !changed.contains(name)
                    && !name.equals("protocol"))) {
                continue;
            }
            protocol.set(name, name.equals("allow") ? XivoWsMapping.apiJson(field.getValue())
                    : XivoWsMapping.NODES.textNode(XivoWsMapping.apiText(field.getValue())));
        }
        protocol.put("context", context);
        if (!protocol.has("protocol")) {
            protocol.put("protocol", "sip");
        }
        ObjectNode body = XivoWsMapping.NODES.objectNode();
        body.set("protocol", protocol);
        body.putObject("linefeatures").put("number", desired.key().leaf()).put("context", context);
        return body;
    }

    /** At plan time, from the free-extensions search: the plan shows the refusal before anything is written. */
    @Override
    public Optional<String> creationRefusal(Resource desired) {
        return whyNotFree(desired.key().parts().get(0), desired.key().leaf());
    }

    private void requireFree(Resource desired, String context, String number) {
        Optional<String> refusal = whyNotFree(context, number);
        if (refusal.isPresent()) {
            throw new ProviderException(client.target(), Optional.of(desired.key().toString()), "GET",
                    Module.EXTENSIONS.path() + "?act=search&context=" + context + "&obj=user&number=" + number, 200,
                    refusal.get(), false, null);
        }
    }

    /** Empty when {@code number} is a free user extension of {@code context}, or already a line's there. */
    private Optional<String> whyNotFree(String context, String number) {
        if (client.freeExtensions(context, "user", number).contains(number)) {
            return Optional.empty();
        }
        boolean ours = client.list(Module.LINES, "search", Map.of("search", number, "context", context)).stream()
                .anyMatch(l -> l.path("number").asText().equals(number) && l.path("context").asText().equals(context));
        return ours ? Optional.empty() : Optional.of("number " + number + " is not a free user extension of context "
                + context + " (used by another object, or outside the context's user range); choose a free number");
    }
}
