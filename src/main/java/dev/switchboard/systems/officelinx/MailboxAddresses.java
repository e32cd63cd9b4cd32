package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.provider.IdResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code EEAMMailboxAddresses}: a mailbox's addresses, known by type and address. */
final class MailboxAddresses extends EeamResourceType {

    MailboxAddresses(OfficelinxClient client, LiveStateReader reader) {
        super(OfficelinxKinds.ADDRESS, "EEAMMailboxAddresses", "AddressID", client, reader);
    }

    static ResourceKey mailboxOf(ResourceKey address) {
        List<String> parts = address.parts();
        return OfficelinxMapping.mailboxKey(parts.get(0), parts.get(1));
    }

    @Override
    Map<String, JsonNode> parentIds(Resource desired, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("MailboxID", id(ids.require(mailboxOf(desired.key()))));
        List<String> parts = desired.key().parts();
        if (desired.field("type").isEmpty()) {
            values.put("AddressType", number(parts.get(2)));
        }
        if (desired.field("address").isEmpty()) {
            values.put("Address", text(parts.get(3)));
        }
        return values;
    }

    @Override
    Map<String, JsonNode> apiValues(Resource desired, Set<String> fields, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        desired.field("type").filter(v -> fields.contains("type")).ifPresent(v -> values.put("AddressType", number(v)));
        desired.field("address").filter(v -> fields.contains("address")).ifPresent(v -> values.put("Address", text(v)));
        return values;
    }

    /**
     * The document has no GET of one address: it is read from its mailbox's list of its type
     * (GetMailboxAddresses with addresstype, as every example of the document calls it).
     */
    @Override
    ObjectNode currentRecord(Resource live, IdResolver ids) {
        long mailboxId = Long.parseLong(ids.require(mailboxOf(live.key())));
        long type = typeOf(live);
        return client.getFromList("EEAMMailboxAddresses?mailboxid=" + mailboxId + "&addresstype=" + type, "AddressID",
                live.requireId(), live.key().toString(), api -> api.listAddresses(mailboxId, type));
    }

    private static long typeOf(Resource address) {
        return OfficelinxMapping.asLong(address.key().parts().get(2));
    }

    /** Lists the mailbox's addresses of the key's type, as the document's own call does, and matches the address. */
    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        ResourceKey mailbox = mailboxOf(desired.key());
        long type = OfficelinxMapping.asLong(desired.key().parts().get(2));
        return ids.idOf(mailbox).flatMap(mailboxId -> reader.addresses(mailboxId, mailbox, Optional.of(type)).stream()
                .filter(found -> found.key().equals(desired.key()))
                .findFirst());
    }

    @Override
    String identityField() {
        return "Address";
    }

    @Override
    String identityOf(Resource live) {
        return live.key().parts().get(3);
    }

    /** Read from its mailbox's list, the mailbox known from the fetch that found the address. */
    @Override
    Optional<ObjectNode> stillThere(Resource live) {
        Optional<Long> mailboxId = reader.mailboxOfAddress(live.requireId());
        if (mailboxId.isEmpty()) {
            return Optional.empty();
        }
        long id = mailboxId.get();
        long type = typeOf(live);
        return client.list("EEAMMailboxAddresses?mailboxid=" + id + "&addresstype=" + type, live.key().toString(),
                        api -> api.listAddresses(id, type))
                .stream().filter(record -> JsonFields.number(record, "AddressID").map(String::valueOf)
                        .filter(live.requireId()::equals).isPresent())
                .findFirst();
    }
}
