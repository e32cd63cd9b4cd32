package dev.switchboard.systems.officelinx;

import dev.switchboard.desired.Problem;
import dev.switchboard.desired.ResourceFileContext;
import dev.switchboard.desired.Settings;
import dev.switchboard.desired.YamlObject;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.FEATURE_GROUP;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flattens an Officelinx resource file, nested as a person writes it (companies holding departments,
 * feature groups and mailboxes, mailboxes holding addresses), into natural-keyed resources
 * (see {@link dev.switchboard.systems.officelinx.OfficelinxKinds} for keys and fields).
 */
final class OfficelinxReader {

    private final ResourceFileContext context;
    private final Settings settings;
    private final TargetSpec target;

    private OfficelinxReader(ResourceFileContext context) {
        this.context = context;
        this.settings = context.settings();
        this.target = context.target();
    }

    /** Reads one resource file of a target of this kind. */
    static void read(YamlObject root, ResourceFileContext context) {
        new OfficelinxReader(context).read(root);
    }

    private void read(YamlObject root) {
        long defaultPbx = target.options().get("pbx") instanceof Long pbx ? pbx : 1L;
        for (YamlObject company : root.objects("companies", "company")) {
            Optional<String> name = company.text("name");
            if (name.isEmpty()) {
                continue;
            }
            ResourceKey companyKey = ResourceKey.of(COMPANY, name.get());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", name.get());
            long pbx = company.integer("pbx").orElse(defaultPbx);
            if (pbx != defaultPbx) {
                company.problem(Problem.at(company.locationOf("pbx"), company.fieldPath("pbx"),
                        "company " + name.get() + " is on PBX " + pbx + ", but target " + target.name()
                                + " manages the companies of PBX " + defaultPbx,
                        "declare a target per PBX (pbx: " + pbx + " on its target) and name it in this file's target:"));
            }
            fields.put("pbx", pbx);
            declare(Resource.desired(companyKey, fields, Set.of(),
                    company.options(true, settings.ignored(COMPANY.name())), company.location()), company);

            for (YamlObject department : company.objects("departments", "department")) {
                readDepartment(department, companyKey, List.of(name.get()));
            }
            for (YamlObject group : company.objects("featureGroups", "featureGroup")) {
                readFeatureGroup(group, companyKey);
            }
            for (YamlObject mailbox : company.objects("mailboxes", "mailbox")) {
                readMailbox(mailbox, companyKey);
            }
        }
    }

    private void readDepartment(YamlObject department, ResourceKey parent, List<String> parentParts) {
        Optional<String> name = department.text("name");
        if (name.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>(parentParts);
        parts.add(name.get());
        ResourceKey key = new ResourceKey(DEPARTMENT, parts);
        declare(Resource.desired(key, Map.of("name", name.get()), Set.of(parent),
                department.options(false, settings.ignored(DEPARTMENT.name())), department.location()), department);
        for (YamlObject child : department.objects("departments", "department")) {
            readDepartment(child, key, parts);
        }
    }

    private void readFeatureGroup(YamlObject group, ResourceKey company) {
        Optional<Long> number = group.integer("number");
        if (number.isEmpty()) {
            return;
        }
        ResourceKey key = ResourceKey.of(FEATURE_GROUP, company.leaf(), number.get().toString());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number.get());
        group.text("name").ifPresent(n -> fields.put("name", n));
        declare(Resource.desired(key, fields, Set.of(company),
                group.options(true, settings.ignored(FEATURE_GROUP.name())), group.location()), group);
    }

    private void readMailbox(YamlObject mailbox, ResourceKey company) {
        Optional<String> number = mailbox.text("number");
        if (number.isEmpty()) {
            return;
        }
        String companyName = company.leaf();
        ResourceKey key = ResourceKey.of(MAILBOX, companyName, number.get());
        Map<String, Object> fields = new LinkedHashMap<>();
        Set<ResourceKey> dependsOn = new LinkedHashSet<>();
        dependsOn.add(company);
        fields.put("number", number.get());
        for (String field : List.of("userName", "firstName", "lastName")) {
            mailbox.textOrSecret(field).ifPresent(v -> fields.put(field, v));
        }
        mailbox.integer("featureGroup").ifPresent(group -> {
            fields.put("featureGroup", group);
            ResourceKey groupKey = ResourceKey.of(FEATURE_GROUP, companyName, group.toString());
            dependsOn.add(groupKey);
            context.reference(groupKey, mailbox, "featureGroup",
                    "feature group " + group + " is not declared in company " + companyName);
        });
        mailbox.text("department").ifPresent(path -> {
            fields.put("department", path);
            List<String> parts = new ArrayList<>();
            parts.add(companyName);
            for (String segment : path.split("/")) {
                parts.add(segment.trim());
            }
            ResourceKey departmentKey = new ResourceKey(DEPARTMENT, parts);
            dependsOn.add(departmentKey);
            context.reference(departmentKey, mailbox, "department",
                    "department " + path + " is not declared in company " + companyName);
        });
        declare(Resource.desired(key, fields, dependsOn,
                mailbox.options(true, settings.ignored(MAILBOX.name())), mailbox.location()), mailbox);

        for (YamlObject address : mailbox.objects("addresses", "address")) {
            Optional<Long> type = address.integer("type");
            Optional<String> value = address.text("address");
            if (type.isEmpty() || value.isEmpty()) {
                continue;
            }
            ResourceKey addressKey = ResourceKey.of(ADDRESS, companyName, number.get(), type.get().toString(), value.get());
            Map<String, Object> addressFields = new LinkedHashMap<>();
            addressFields.put("type", type.get());
            addressFields.put("address", value.get());
            declare(Resource.desired(addressKey, addressFields, Set.of(key),
                    address.options(false, settings.ignored(ADDRESS.name())), address.location()), address);
        }
    }

    private void declare(Resource resource, YamlObject where) {
        context.declare(resource, where);
    }
}
