package dev.switchboard.systems.sipxconfig.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.Creator;
import dev.switchboard.provider.Deleter;
import dev.switchboard.provider.IdResolver;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.Updater;
import dev.switchboard.systems.sipxconfig.SipxconfigKinds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An entry of a user's private phonebook, keyed by user and number. The API answers a create with 200 and
 * no id, and a duplicate with 747: both are followed by a look-up by number, which also gives the id that
 * later updates and deletes need.
 */
final class PhonebookEntryType implements Creator, Updater, Deleter {

    static final int DUPLICATE = 747;

    private final SipxconfigClient client;

    PhonebookEntryType(SipxconfigClient client) {
        this.client = client;
    }

    @Override
    public ResourceKind kind() {
        return SipxconfigKinds.PHONEBOOK_ENTRY;
    }

    /** Every entry of the user's phonebook; of two with one number, the first listed (the key is the number). */
    List<Resource> fetch(String user) {
        List<Resource> entries = new ArrayList<>();
        Set<String> numbers = new LinkedHashSet<>();
        for (JsonNode entry : client.listPhonebook(user)) {
            Optional<String> number = SipxconfigMapping.entryNumber(entry);
            if (number.isPresent() && numbers.add(number.get())) {
                entries.add(Resource.live(ResourceKey.of(kind(), user, number.get()),
                        SipxconfigMapping.entryId(entry).orElse(""), SipxconfigMapping.phonebookEntry(entry), Set.of()));
            }
        }
        return entries;
    }

    @Override
    public Resource create(Resource desired, IdResolver ids) {
        String user = desired.key().parts().get(0);
        String number = desired.key().parts().get(1);
        try {
            client.createPhonebookEntry(user, SipxconfigMapping.phonebookEntryBody(Optional.empty(), number,
                    desired.fields(), desired.fields().keySet()), desired.key());
        } catch (ProviderException refused) {
            if (refused.status() != DUPLICATE) {
                throw refused;
            }
            // 747: it is there already, as a create whose answer was lost leaves it; adopt it
        }
        return findByKey(desired, ids).orElseThrow(() -> client.failure("POST", "/phonebook/entry/0", desired.key(), 200,
                "the server accepted the entry but its phonebook does not list it"));
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        String user = desired.key().parts().get(0);
        return fetch(user).stream().filter(r -> r.key().equals(desired.key())).findFirst();
    }

    @Override
    public void update(Resource live, Resource desired, Set<String> fields, IdResolver ids) {
        String user = live.key().parts().get(0);
        String id = requireId(live);
        JsonNode current = client.getPhonebookEntry(user, id, live.key()).orElseThrow(() ->
                client.failure("GET", "/phonebook/entry/" + id, live.key(), 200,
                        "the entry is no longer in the user's phonebook"));
        Optional<String> number = SipxconfigMapping.entryNumber(current);
        if (number.isPresent() && !number.get().equals(live.key().parts().get(1))) {
            // servers reuse ids: this one now holds another entry, which is not ours to change
            throw client.failure("GET", "/phonebook/entry/" + id, live.key(), 200,
                    "the entry's id now holds the entry of number " + number.get() + "; plan again");
        }
        client.updatePhonebookEntry(user, id, SipxconfigMapping.phonebookEntryBody(Optional.of(current),
                live.key().parts().get(1), desired.fields(), fields), live.key());
    }

    @Override
    public void delete(Resource live) {
        client.deletePhonebookEntry(live.key().parts().get(0), requireId(live), live.key());
    }

    private String requireId(Resource live) {
        String id = live.id().orElse("");
        if (id.isEmpty()) {
            throw client.failure("GET", "/pagedphonebook", live.key(), 200,
                    "the server lists this entry without its id, so it cannot be changed or deleted through the API");
        }
        return id;
    }
}
