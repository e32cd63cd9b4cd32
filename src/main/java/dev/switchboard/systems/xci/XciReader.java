package dev.switchboard.systems.xci;

import dev.switchboard.desired.Problem;
import dev.switchboard.desired.ResourceFileContext;
import dev.switchboard.desired.Settings;
import dev.switchboard.desired.YamlObject;
import static dev.switchboard.systems.xci.XciKinds.ADMINISTRATOR;
import static dev.switchboard.systems.xci.XciKinds.ENTITY;
import static dev.switchboard.systems.xci.XciKinds.TEMPLATE;
import static dev.switchboard.systems.xci.XciKinds.USER;
import static dev.switchboard.systems.xci.XciKinds.XIVO;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.TargetSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an XCI resource file (XiVOs, templates, entities holding their users, administrators) into
 * natural-keyed resources (see {@link dev.switchboard.systems.xci.XciKinds} for keys and fields), and warns
 * about a user whose internal number lies outside every interval of its entity (XCI accepts it: the
 * document's own user 6260 is such a user).
 */
final class XciReader {

    private static final List<String> TEMPLATE_FIELDS = List.of("peerSipName", "ringingTime", "routedInbound",
            "routedInboundPrefix", "callerIdMode", "customCallerId", "voiceMailEnabled", "voiceMailNumberMode",
            "voiceMailCustomNumber", "voiceMailSendEmail");

    private final ResourceFileContext context;
    private final Settings settings;
    private final TargetSpec target;

    private XciReader(ResourceFileContext context) {
        this.context = context;
        this.settings = context.settings();
        this.target = context.target();
    }

    /** Reads one resource file of a target of this kind. */
    static void read(YamlObject root, ResourceFileContext context) {
        new XciReader(context).read(root);
    }

    private void read(YamlObject root) {
        for (YamlObject xivo : root.objects("xivos", "xivo")) {
            readXivo(xivo);
        }
        for (YamlObject template : root.objects("templates", "template")) {
            readTemplate(template);
        }
        for (YamlObject entity : root.objects("entities", "entity")) {
            readEntity(entity);
        }
        for (YamlObject administrator : root.objects("administrators", "administrator")) {
            readAdministrator(administrator);
        }
    }

    private void readXivo(YamlObject xivo) {
        Optional<String> name = xivo.text("name");
        if (name.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.get());
        xivo.text("host").ifPresent(h -> fields.put("host", h));
        xivo.bool("configure").ifPresent(c -> fields.put("configure", c));
        declare(Resource.desired(ResourceKey.of(XIVO, name.get()), fields, Set.of(),
                xivo.options(true, settings.ignored(XIVO.name())), xivo.location()), xivo);
    }

    private void readTemplate(YamlObject template) {
        Optional<String> name = template.text("name");
        if (name.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        fields.put("name", name.get());
        List<String> xivos = template.texts("xivos");
        if (!xivos.isEmpty() || template.fieldNames().contains("xivos")) {
            fields.put("xivos", xivos);
            for (String xivo : xivos) {
                dependsOn.add(xivoReference(xivo, template, "xivos"));
            }
        }
        List<String> entities = template.texts("entities");
        if (!entities.isEmpty() || template.fieldNames().contains("entities")) {
            fields.put("entities", entities);
            for (String entity : entities) {
                dependsOn.add(entityReference(entity, template, "entities"));
            }
        }
        for (String field : TEMPLATE_FIELDS) {
            switch (field) {
                case "ringingTime" -> template.integer(field).ifPresent(v -> fields.put(field, v));
                case "routedInbound", "voiceMailEnabled", "voiceMailSendEmail" ->
                        template.bool(field).ifPresent(v -> fields.put(field, v));
                default -> template.text(field).ifPresent(v -> fields.put(field, v));
            }
        }
        declare(Resource.desired(ResourceKey.of(TEMPLATE, name.get()), fields, dependsOn,
                template.options(true, settings.ignored(TEMPLATE.name())), template.location()), template);
    }

    private void readEntity(YamlObject entity) {
        Optional<String> name = entity.text("name");
        Optional<String> xivo = entity.text("xivo");
        if (name.isEmpty() || xivo.isEmpty()) {
            return;
        }
        String combined = name.get() + "@" + xivo.get();
        ResourceKey key = ResourceKey.of(ENTITY, combined);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.get());
        fields.put("xivo", xivo.get());
        entity.text("displayName").ifPresent(v -> fields.put("displayName", v));
        List<Map<String, Object>> intervals = new ArrayList<>();
        for (YamlObject interval : entity.objects("intervals", "interval")) {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("start", interval.text("start").orElse(""));
            range.put("end", interval.text("end").orElse(""));
            intervals.add(range);
        }
        boolean declaresIntervals = entity.fieldNames().contains("intervals");
        if (declaresIntervals) {
            fields.put("intervals", intervals);
        }
        entity.text("presentedNumber").ifPresent(v -> fields.put("presentedNumber", v));
        ResourceKey xivoKey = xivoReference(xivo.get(), entity, "xivo");
        declare(Resource.desired(key, fields, Set.of(xivoKey),
                entity.options(true, settings.ignored(ENTITY.name())), entity.location()), entity);

        for (YamlObject user : entity.objects("users", "user")) {
            readUser(user, key, xivo.get(), combined, declaresIntervals ? Optional.of(intervals) : Optional.empty());
        }
    }

    private void readUser(YamlObject user, ResourceKey entityKey, String xivo, String entity,
                          Optional<List<Map<String, Object>>> intervals) {
        Optional<String> number = user.text("internalNumber");
        if (number.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        dependsOn.add(entityKey);
        fields.put("entity", entity);
        fields.put("internalNumber", number.get());
        user.textOrSecret("firstName").ifPresent(v -> fields.put("firstName", v));
        user.textOrSecret("lastName").ifPresent(v -> fields.put("lastName", v));
        user.text("template").ifPresent(template -> {
            fields.put("template", template);
            ResourceKey templateKey = ResourceKey.of(TEMPLATE, template);
            dependsOn.add(templateKey);
            context.reference(templateKey, user, "template",
                    "line template '" + template + "' is not declared");
        });
        user.textOrSecret("ctiLogin").ifPresent(v -> fields.put("ctiLogin", v));
        user.secret("ctiPassword", context.literalSecretsAllowed()).ifPresent(v -> fields.put("ctiPassword", v));
        if (intervals.isPresent() && !inAnyInterval(number.get(), intervals.get())) {
            // a warning, not an error: XCI holds such users (the document's own user 6260 is one)
            user.problem(Problem.warningAt(user.locationOf("internalNumber"), user.fieldPath("internalNumber"),
                    "internal number " + number.get() + " lies outside every interval of entity " + entity,
                    "XCI accepts it, but never offers it as an available number: use a number in "
                            + describe(intervals.get()) + ", or widen the entity's intervals"));
        }
        declare(Resource.desired(ResourceKey.of(USER, xivo, number.get()), fields, dependsOn,
                user.options(true, settings.ignored(USER.name())), user.location()), user);
    }

    private void readAdministrator(YamlObject administrator) {
        Optional<String> login = administrator.text("login");
        if (login.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        fields.put("login", login.get());
        administrator.text("name").ifPresent(v -> fields.put("name", v));
        administrator.bool("superAdmin").ifPresent(v -> fields.put("superAdmin", v));
        administrator.bool("ldap").ifPresent(v -> fields.put("ldap", v));
        administrator.secret("password", context.literalSecretsAllowed()).ifPresent(v -> fields.put("password", v));
        List<String> entities = administrator.texts("entities");
        if (!entities.isEmpty() || administrator.fieldNames().contains("entities")) {
            fields.put("entities", entities);
            for (String entity : entities) {
                dependsOn.add(entityReference(entity, administrator, "entities"));
            }
        }
        declare(Resource.desired(ResourceKey.of(ADMINISTRATOR, login.get()), fields, dependsOn,
                administrator.options(true, settings.ignored(ADMINISTRATOR.name())), administrator.location()),
                administrator);
    }

    private ResourceKey xivoReference(String xivo, YamlObject from, String field) {
        ResourceKey key = ResourceKey.of(XIVO, xivo);
        context.reference(key, from, field,
                "XiVO '" + xivo + "' is not declared");
        return key;
    }

    private ResourceKey entityReference(String entity, YamlObject from, String field) {
        ResourceKey key = ResourceKey.of(ENTITY, entity);
        context.reference(key, from, field,
                "entity '" + entity + "' is not declared");
        return key;
    }

    static boolean inAnyInterval(String number, List<Map<String, Object>> intervals) {
        if (number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        BigInteger value = new BigInteger(number);
        for (Map<String, Object> interval : intervals) {
            String start = String.valueOf(interval.get("start"));
            String end = String.valueOf(interval.getOrDefault("end", ""));
            if (end.isEmpty()) {
                if (start.equals(number)) {
                    return true;
                }
            } else if (!start.isEmpty() && start.chars().allMatch(Character::isDigit)
                    && end.chars().allMatch(Character::isDigit)
                    && value.compareTo(new BigInteger(start)) >= 0 && value.compareTo(new BigInteger(end)) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(List<Map<String, Object>> intervals) {
        List<String> ranges = new ArrayList<>();
        for (Map<String, Object> interval : intervals) {
            String end = String.valueOf(interval.getOrDefault("end", ""));
            ranges.add(end.isEmpty() ? String.valueOf(interval.get("start")) : interval.get("start") + "-" + end);
        }
        return ranges.isEmpty() ? "no interval (the entity declares none)" : String.join(", ", ranges);
    }

    private void declare(Resource resource, YamlObject where) {
        context.declare(resource, where);
    }
}
