package dev.switchboard.systems.sipxconfig.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.model.TargetSpec;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Every sipXconfig call Switchboard makes, as one method, run through {@link ApiCaller} and authenticated
 * as the user it acts on (HTTP Basic with that user's password: the API has no other way to say whose
 * settings a call is about). A user the target does not list is refused before any call.
 *
 * <p>Answers are JSON ({@link MissingNode} when the server sent no body). The voicemail PIN travels in the
 * URL path, so the path named in requests, errors and metrics is {@code /my/voicemail/pin/(sensitive)}.
 */
final class SipxconfigClient {

    static final String ROOT = "/sipxconfig/rest/my";
    /** Entries asked for per page of {@code /my/pagedphonebook}. */
    static final int PAGE_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A per-user settings resource, read with GET and replaced with PUT. */
    enum Setting {
        CALL_FORWARDING("/callfwd", SipxconfigApi::getCallForwarding, SipxconfigApi::putCallForwarding),
        VOICEMAIL_PREFERENCES("/vmprefs", SipxconfigApi::getVoicemailPreferences, SipxconfigApi::putVoicemailPreferences),
        PERSONAL_ATTENDANT("/voicemail/attendant", SipxconfigApi::getPersonalAttendant, SipxconfigApi::putPersonalAttendant),
        CONTACT_INFORMATION("/contact-information", SipxconfigApi::getContactInformation,
                SipxconfigApi::putContactInformation),
        IM_PREFERENCES("/im/prefs", SipxconfigApi::getImPreferences, SipxconfigApi::putImPreferences),
        IM_BOT_PREFERENCES("/imbot/prefs", SipxconfigApi::getImBotPreferences, SipxconfigApi::putImBotPreferences),
        SPEED_DIAL("/speeddial", SipxconfigApi::getSpeedDial, SipxconfigApi::putSpeedDial);

        final String path;
        final BiFunction<SipxconfigApi, String, CompletionStage<Response>> get;
        final Put put;

        Setting(String path, BiFunction<SipxconfigApi, String, CompletionStage<Response>> get, Put put) {
            this.path = path;
            this.get = get;
            this.put = put;
        }
    }

    @FunctionalInterface
    interface Put {
        CompletionStage<Response> send(SipxconfigApi api, String authorization, JsonNode body);
    }

    private final String target;
    private final SipxconfigApi api;
    private final Map<String, Secret> passwords;
    private final RetryPolicy policy;
    private final ApiObserver observer;
    private final TargetSpec.Timeouts timeouts;

    SipxconfigClient(String target, SipxconfigApi api, Map<String, Secret> passwords, RetryPolicy policy,
                     ApiObserver observer, TargetSpec.Timeouts timeouts) {
        this.target = target;
        this.api = api;
        this.passwords = Map.copyOf(passwords);
        this.policy = policy;
        this.observer = observer;
        this.timeouts = timeouts;
    }

    /** The users this client may act as, as the target lists them. */
    List<String> users() {
        return passwords.keySet().stream().sorted().toList();
    }

    private String authorization(String user) {
        Secret password = passwords.get(user);
        if (password == null) {
            throw new ProviderException(target, Optional.of("user " + user), "-", ROOT, 0,
                    "user " + user + " is not listed under the target's users, so Switchboard cannot act as it",
                    false, null);
        }
        String credentials = user + ":" + password.reveal();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private Response send(String method, String path, Optional<ResourceKey> about, Supplier<CompletionStage<Response>> call) {
        return call(method, path, about.map(ResourceKey::toString), call);
    }

    /** @param about what the call is about, for error messages: an object, or the user whose list it reads */
    private Response call(String method, String path, Optional<String> about, Supplier<CompletionStage<Response>> call) {
        ApiRequest request = new ApiRequest(method, ROOT + path, about, false);
        return new ApiCaller(target, policy, observer, () -> false).withTimeouts(timeouts).call(request, call);
    }

    private JsonNode json(String method, String path, Optional<ResourceKey> about, Supplier<CompletionStage<Response>> call) {
        return read(method, path, about.map(ResourceKey::toString), call);
    }

    private JsonNode read(String method, String path, Optional<String> about, Supplier<CompletionStage<Response>> call) {
        Response response = call(method, path, about, call);
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw new ProviderException(target, about, method, ROOT + path,
                    response.getStatus(), "the answer is not JSON", false, notJson);
        }
    }

    // ---- settings

    JsonNode get(Setting setting, String user, Optional<ResourceKey> about) {
        String authorization = authorization(user);
        return json("GET", setting.path, about, () -> setting.get.apply(api, authorization));
    }

    void put(Setting setting, String user, JsonNode body, ResourceKey about) {
        String authorization = authorization(user);
        againIfLost(() -> send("PUT", setting.path, Optional.of(about), () -> setting.put.send(api, authorization, body)));
    }

    /** Attempts at a per-user write whose answer was lost: it names no id, so a retry cannot hit another object. */
    private static final int LOST_WRITE_ATTEMPTS = 3;

    /**
     * Runs a PUT of a per-user resource ({@code /my/callfwd}, {@code /my/conferences/{name}}, the PIN) again
     * when its answer was lost. ApiCaller does not retry lost writes, since a retried write by id can hit an
     * object that took a freed id; these URLs name the authenticated user's own resource, which never moves.
     */
    private static void againIfLost(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (ProviderException lost) {
                if (!lost.outcomeUnknown() || attempt >= LOST_WRITE_ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    /** {@code PUT /my/voicemail/pin/{pin}}: the PIN is in the path, so it is masked wherever the path is named. */
    void setVoicemailPin(String user, Secret pin, ResourceKey about) {
        String authorization = authorization(user);
        String masked = "/voicemail/pin/" + Secret.MASK;
        againIfLost(() -> send("PUT", masked, Optional.of(about), () -> {
            try {
                return api.putVoicemailPin(authorization, pin.reveal());
            } catch (ProcessingException lost) {
                // The HTTP client names the URL, PIN and all, in some of its messages (a timeout): say it without.
                throw new ProcessingException(lost.getClass().getSimpleName() + " on PUT " + ROOT + masked + ": "
                        + String.valueOf(lost.getMessage()).replace(pin.reveal(), Secret.MASK));
            }
        }));
    }

    // ---- conferences

    /** The names of the user's conferences, from {@code GET /my/conferences}. */
    List<String> listConferences(String user) {
        String authorization = authorization(user);
        JsonNode list = read("GET", "/conferences", Optional.of("conferences of user " + user),
                () -> api.listConferences(authorization));
        List<String> names = new ArrayList<>();
        for (JsonNode conference : SipxconfigMapping.items(list, "conferences", "conference")) {
            if (conference.hasNonNull("name")) {
                names.add(conference.get("name").asText());
            }
        }
        return names;
    }

    JsonNode getConference(String user, String name, Optional<ResourceKey> about) {
        String authorization = authorization(user);
        return json("GET", "/conferences/" + name, about, () -> api.getConference(authorization, name));
    }

    void putConference(String user, String name, JsonNode setting, ResourceKey about) {
        String authorization = authorization(user);
        againIfLost(() -> send("PUT", "/conferences/" + name, Optional.of(about),
                () -> api.putConference(authorization, name, setting)));
    }

    // ---- private phonebook

    /**
     * Every entry of the user's phonebook, page by page from {@code /my/pagedphonebook} (which holds the
     * entries' ids even where {@code /my/phonebook} does not), until {@code size} entries have come.
     */
    List<JsonNode> listPhonebook(String user) {
        String authorization = authorization(user);
        List<JsonNode> entries = new ArrayList<>();
        for (int start = 0; ; start += PAGE_SIZE) {
            int from = start;
            JsonNode page = SipxconfigMapping.unwrap(read("GET", "/pagedphonebook?start=" + from + "&end="
                    + (from + PAGE_SIZE), Optional.of("phonebook of user " + user),
                    () -> api.pagedPhonebook(authorization, from, from + PAGE_SIZE)),
                    "phonebook");
            List<JsonNode> items = SipxconfigMapping.items(page.path("entries"), "entries", "entry");
            entries.addAll(items);
            long size = page.path("size").asLong(entries.size());
            if (items.isEmpty() || items.size() < PAGE_SIZE || entries.size() >= size) {
                return entries;
            }
        }
    }

    /** The entry, or empty when the user's phonebook has no entry of that id (the server then answers nothing). */
    Optional<JsonNode> getPhonebookEntry(String user, String id, ResourceKey about) {
        String authorization = authorization(user);
        JsonNode entry = json("GET", "/phonebook/entry/" + id, Optional.of(about),
                () -> api.getPhonebookEntry(authorization, id));
        JsonNode unwrapped = SipxconfigMapping.unwrap(entry, "entry");
        return unwrapped.isObject() && !unwrapped.isEmpty() ? Optional.of(unwrapped) : Optional.empty();
    }

    /**
     * {@code POST /my/phonebook/entry/0} (the id in the path is ignored on create). The answer is 200 with no
     * body and no id. A 5xx may come after the server saved the entry, so it is an unknown outcome: the
     * caller looks the entry up before trying again. 747 (duplicate) is thrown as it is.
     */
    void createPhonebookEntry(String user, JsonNode entry, ResourceKey about) {
        String authorization = authorization(user);
        try {
            send("POST", "/phonebook/entry/0", Optional.of(about), () -> api.createPhonebookEntry(authorization, "0", entry));
        } catch (ProviderException failed) {
            if (failed.status() >= 500 && !failed.outcomeUnknown()) {
                String said = failed.getMessage();
                String marker = " -> HTTP " + failed.status() + ": ";
                String serverMessage = said.contains(marker) ? said.substring(said.indexOf(marker) + marker.length()) : said;
                throw new ProviderException(target, failed.object(), failed.method(), failed.path(), failed.status(),
                        serverMessage + " (the server may have saved it all the same)", true, failed);
            }
            throw failed;
        }
    }

    void updatePhonebookEntry(String user, String id, JsonNode entry, ResourceKey about) {
        String authorization = authorization(user);
        send("PUT", "/phonebook/entry/" + id, Optional.of(about), () -> api.updatePhonebookEntry(authorization, id, entry));
    }

    void deletePhonebookEntry(String user, String id, ResourceKey about) {
        String authorization = authorization(user);
        send("DELETE", "/phonebook/entry/" + id, Optional.of(about), () -> api.deletePhonebookEntry(authorization, id));
    }

    ProviderException failure(String method, String path, ResourceKey about, int status, String message) {
        return new ProviderException(target, Optional.of(about.toString()), method, ROOT + path, status, message, false,
                null);
    }

    @Override
    public String toString() {
        return "SipxconfigClient[" + target + ", users " + users() + "]";
    }

}
