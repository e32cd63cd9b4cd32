package dev.switchboard.systems.officelinx;

import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.FEATURE_GROUP;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Officelinx records (PascalCase JSON, references by server ID) to and from the desired-state shape
 * of {@link dev.switchboard.systems.officelinx.OfficelinxKinds} (camelCase fields, references by natural value).
 */
final class OfficelinxMapping {

    private OfficelinxMapping() {
    }

    // ---- natural keys ---------------------------------------------------------------------------

    static ResourceKey companyKey(String companyName) {
        return ResourceKey.of(COMPANY, companyName);
    }

    /** The company any Officelinx key belongs to: its first part. */
    static ResourceKey companyOf(ResourceKey key) {
        return companyKey(key.parts().get(0));
    }

    /** {@code department Acme/Sales/EMEA} from company {@code Acme} and path {@code Sales/EMEA}. */
    static ResourceKey departmentKey(String companyName, List<String> path) {
        List<String> parts = new ArrayList<>();
        parts.add(companyName);
        parts.addAll(path);
        return new ResourceKey(DEPARTMENT, parts);
    }

    static ResourceKey departmentKey(String companyName, String slashPath) {
        return departmentKey(companyName, List.of(slashPath.split("/")));
    }

    static ResourceKey featureGroupKey(String companyName, long number) {
        return ResourceKey.of(FEATURE_GROUP, companyName, String.valueOf(number));
    }

    static ResourceKey mailboxKey(String companyName, String mailboxNumber) {
        return ResourceKey.of(MAILBOX, companyName, mailboxNumber);
    }

    // ---- records to resources -------------------------------------------------------------------

    static Optional<Resource> company(JsonNode record) {
        Optional<String> name = JsonFields.text(record, "CompanyName");
        Optional<Long> id = JsonFields.number(record, "CompanyID");
        if (name.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.get());
        JsonFields.number(record, "PBXID").ifPresent(pbx -> fields.put("pbx", pbx));
        return Optional.of(Resource.live(companyKey(name.get()), String.valueOf(id.get()), fields, Set.of()));
    }

    /**
     * One company's departments, feature groups and mailboxes, and what its mailboxes' addresses need:
     * the mailbox IDs with their keys.
     */
    record CompanyScope(List<Resource> resources, Map<String, ResourceKey> mailboxKeysById) {
    }

    static CompanyScope companyScope(String companyName, List<? extends JsonNode> departments,
                                     List<? extends JsonNode> featureGroups, List<? extends JsonNode> mailboxes) {
        List<Resource> resources = new ArrayList<>();
        Map<Long, List<String>> pathsById = departmentPaths(departments);
        for (JsonNode department : departments) {
            long id = JsonFields.number(department, "DepartmentID").orElse(0L);
            List<String> path = pathsById.get(id);
            if (path == null) {
                continue;
            }
            ResourceKey key = departmentKey(companyName, path);
            ResourceKey parent = path.size() > 1 ? departmentKey(companyName, path.subList(0, path.size() - 1))
                    : companyKey(companyName);
            resources.add(Resource.live(key, String.valueOf(id), Map.of("name", path.get(path.size() - 1)), Set.of(parent)));
        }
        Map<Long, Long> groupNumbersById = new HashMap<>();
        for (JsonNode group : featureGroups) {
            Optional<Long> id = JsonFields.number(group, "FGroupID");
            Optional<Long> number = JsonFields.number(group, "FGNumber");
            if (id.isEmpty() || number.isEmpty()) {
                continue;
            }
            groupNumbersById.put(id.get(), number.get());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("number", number.get());
            JsonFields.text(group, "Name").ifPresent(name -> fields.put("name", name));
            resources.add(Resource.live(featureGroupKey(companyName, number.get()), String.valueOf(id.get()), fields,
                    Set.of(companyKey(companyName))));
        }
        Map<String, ResourceKey> mailboxKeysById = new LinkedHashMap<>();
        for (JsonNode mailbox : mailboxes) {
            Optional<Long> id = JsonFields.number(mailbox, "MailboxID");
            Optional<String> number = JsonFields.text(mailbox, "MailboxNo");
            if (id.isEmpty() || number.isEmpty()) {
                continue;
            }
            ResourceKey key = mailboxKey(companyName, number.get());
            Set<ResourceKey> dependsOn = new HashSet<>();
            dependsOn.add(companyKey(companyName));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("number", number.get());
            JsonFields.text(mailbox, "UserName").ifPresent(v -> fields.put("userName", v));
            JsonFields.text(mailbox, "FirstName").ifPresent(v -> fields.put("firstName", v));
            JsonFields.text(mailbox, "LastName").ifPresent(v -> fields.put("lastName", v));
            JsonFields.number(mailbox, "FGroupID").map(groupNumbersById::get).ifPresent(groupNumber -> {
                fields.put("featureGroup", groupNumber);
                dependsOn.add(featureGroupKey(companyName, groupNumber));
            });
            JsonFields.number(mailbox, "DepartmentID").filter(d -> d != 0).map(pathsById::get).ifPresent(path -> {
                fields.put("department", String.join("/", path));
                dependsOn.add(departmentKey(companyName, path));
            });
            resources.add(Resource.live(key, String.valueOf(id.get()), fields, dependsOn));
            mailboxKeysById.put(String.valueOf(id.get()), key);
        }
        return new CompanyScope(resources, mailboxKeysById);
    }

    static Optional<Resource> address(ResourceKey mailbox, JsonNode record) {
        Optional<Long> id = JsonFields.number(record, "AddressID");
        Optional<Long> type = JsonFields.number(record, "AddressType");
        Optional<String> address = JsonFields.text(record, "Address");
        if (id.isEmpty() || type.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>(mailbox.parts());
        parts.add(String.valueOf(type.get()));
        parts.add(address.get());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type.get());
        fields.put("address", address.get());
        return Optional.of(Resource.live(new ResourceKey(ADDRESS, parts), String.valueOf(id.get()), fields, Set.of(mailbox)));
    }

    /** Each department's path of names from the top, following ParentID (0 or unknown: top level). */
    private static Map<Long, List<String>> departmentPaths(List<? extends JsonNode> departments) {
        Map<Long, JsonNode> byId = new HashMap<>();
        departments.forEach(d -> JsonFields.number(d, "DepartmentID").ifPresent(id -> byId.put(id, d)));
        Map<Long, List<String>> paths = new HashMap<>();
        for (Long id : byId.keySet()) {
            LinkedList<String> path = new LinkedList<>();
            Set<Long> seen = new HashSet<>();
            for (Long at = id; at != null && byId.containsKey(at) && seen.add(at); ) {
                JsonNode department = byId.get(at);
                path.addFirst(JsonFields.text(department, "DepartmentName").orElse(""));
                at = JsonFields.number(department, "ParentID").orElse(null);
            }
            if (!path.contains("")) {
                paths.put(id, List.copyOf(path));
            }
        }
        return paths;
    }

    // ---- desired values to JSON -----------------------------------------------------------------

    /** An integer field of a desired object, however the loader typed it. */
    static long asLong(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(String.valueOf(value).trim());
    }
}
