package dev.switchboard.systems.xivows.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.provider.ApiCaller;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.ApiRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.RetryPolicy;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code json.php} call of seed 004 as one method, run through {@link ApiCaller} (retries, errors naming
 * target, object, method, path, status). Lists, searches and views send {@code &sum=} with the md5 of the last
 * answer to the same call and are answered from {@link SumCache} on 304; an empty list (204) is {@code []}.
 * Ids are read as text whether the server writes them as strings or numbers.
 */
final class XivoWsClient {

    /** The document's modules: where they live and their {@code group/module} path. */
    enum Module {
        ENTITY(true, "manage", "entity"),
        MAIL(true, "network", "mail"),
        LINES(false, "pbx_settings", "lines"),
        DEVICES(false, "pbx_settings", "devices"),
        USERS(false, "pbx_settings", "users"),
        PICKUP(false, "call_management", "pickup"),
        EXTENSIONS(false, "system_management", "extensions");

        final boolean configuration;
        final String group;
        final String module;

        Module(boolean configuration, String group, String module) {
            this.configuration = configuration;
            this.group = group;
            this.module = module;
        }

        String path() {
            return (configuration ? "/xivo/configuration/json.php/restricted/" : "/service/ipbx/json.php/restricted/")
                    + group + "/" + module + "/";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String target;
    private final XivoWsApi api;
    private final RetryPolicy policy;
    private final ApiObserver observer;
    private final SumCache cache;

    XivoWsClient(String target, XivoWsApi api, RetryPolicy policy, ApiObserver observer, SumCache cache) {
        this.target = target;
        this.api = api;
        this.policy = policy;
        this.observer = observer;
        this.cache = cache;
    }

    // ---- reads

    /** {@code act=list} (or {@code search}, with {@code params}); 204 is an empty list. */
    List<JsonNode> list(Module module, String act, Map<String, String> params) {
        JsonNode answer = read(module, act, params, Optional.empty(), false);
        List<JsonNode> items = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(items::add);
        } else if (answer.isObject()) {
            answer.forEach(items::add); // a PHP array with holes comes as an object of rows
        }
        return items;
    }

    List<JsonNode> list(Module module) {
        return list(module, "list", Map.of());
    }

    /** {@code act=view&id=}; empty on 404. Mail, which has one object, takes no id. */
    Optional<JsonNode> view(Module module, Optional<String> id, Optional<ResourceKey> about) {
        Map<String, String> params = new LinkedHashMap<>();
        id.ifPresent(i -> params.put("id", i));
        JsonNode answer = read(module, "view", params, about, true);
        return answer.isMissingNode() ? Optional.empty() : Optional.of(answer);
    }

    /** The free extensions of {@code context} for {@code object} (user, group, ...) containing {@code part}. */
    List<String> freeExtensions(String context, String object, String part) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("context", context);
        params.put("obj", object);
        params.put("number", part);
        return list(Module.EXTENSIONS, "search", params).stream().map(JsonNode::asText).toList();
    }

    private JsonNode read(Module module, String act, Map<String, String> params, Optional<ResourceKey> about,
                          boolean notFoundIsOk) {
        String query = query(act, params);
        String cacheKey = target + " " + module.path() + query;
        Optional<SumCache.Entry> cached = cache.get(cacheKey);
        String sum = cached.map(SumCache.Entry::sum).orElse(null);
        ApiRequest request = new ApiRequest("GET", module.path() + query + (sum == null ? "" : "&sum=" + sum),
                about.map(ResourceKey::toString), notFoundIsOk);
        Response response = caller().call(request, () -> module.configuration
                ? api.configuration(module.group, module.module, act, params.get("id"), params.get("search"), sum)
                : api.ipbx(module.group, module.module, act, params.get("id"), params.get("search"),
                        params.get("context"), params.get("obj"), params.get("number"), sum));
        if (response.getStatus() == 404) {
            cache.forget(cacheKey);
            return MissingNode.getInstance();
        }
        if (response.getHeaderString(NotModifiedFilter.HEADER) != null && cached.isPresent()) {
            return cached.get().body().deepCopy();
        }
        byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        if (body.length == 0) {
            cache.forget(cacheKey);
            return MissingNode.getInstance();
        }
        JsonNode parsed = parse(body, request, response.getStatus());
        cache.put(cacheKey, new SumCache.Entry(md5(body), parsed));
        return parsed.deepCopy();
    }

    // ---- writes

    /**
     * {@code act=add|edit} with a JSON body, as POST. The answer's body: the new id for a user add, nothing
     * (a missing node) for every other add and for edits.
     */
    JsonNode write(Module module, String act, Optional<String> id, JsonNode body, ResourceKey about) {
        String path = module.path() + query(act, id.map(i -> Map.of("id", i)).orElse(Map.of()));
        ApiRequest request = ApiRequest.of("POST", path).about(about);
        Response response = caller().call(request, () -> module.configuration
                ? api.writeConfiguration(module.group, module.module, act, id.orElse(null), body)
                : api.writeIpbx(module.group, module.module, act, id.orElse(null), body));
        byte[] answer = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        return answer.length == 0 ? MissingNode.getInstance() : parse(answer, request, response.getStatus());
    }

    /**
     * {@code act=delete&id=}, a GET as the xivo-ws client sends it; a 404 means it is gone already. A GET that
     * writes: it is not retried blindly when its answer is lost (the id may hold another object by then), but
     * reported as of unknown outcome, for the applier to look the object up by natural key first.
     */
    void delete(Module module, String id, ResourceKey about) {
        String path = module.path() + query("delete", Map.of("id", id));
        ApiRequest request = ApiRequest.of("GET", path).about(about).allowingNotFound();
        try {
            new ApiCaller(target, RetryPolicy.NONE, observer, () -> false).call(request, () -> module.configuration
                    ? api.configuration(module.group, module.module, "delete", id, null, null)
                    : api.ipbx(module.group, module.module, "delete", id, null, null, null, null, null));
        } catch (ProviderException failed) {
            if (failed.status() != 0) {
                throw failed;
            }
            throw new ProviderException(target, failed.object(), failed.method(), failed.path(), 0,
                    "no answer to a delete (sent as GET act=delete): the server may have carried it out", true, failed);
        }
    }

    /** The error for an object the server accepted but that cannot be found afterwards by its natural key. */
    ProviderException notReadBack(Module module, String act, ResourceKey about) {
        return new ProviderException(target, Optional.of(about.toString()), "POST", module.path() + "?act=" + act, 200,
                "the server accepted it but it cannot be found by its natural key afterwards", false, null);
    }

    String target() {
        return target;
    }

    private ApiCaller caller() {
        // HTTP Basic goes with every request: a 401 is wrong credentials, not an expired session
        return new ApiCaller(target, policy, observer, () -> false);
    }

    private JsonNode parse(byte[] body, ApiRequest request, int status) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw new ProviderException(target, request.object(), request.method(), request.path(), status,
                    "the answer is not JSON", false, notJson);
        }
    }

    private static String query(String act, Map<String, String> params) {
        StringBuilder query = new StringBuilder("?act=").append(act);
        params.forEach((name, value) -> query.append('&').append(name).append('=').append(value));
        return query.toString();
    }

    static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return "XivoWsClient[" + target + "]";
    }
}
