package dev.switchboard.systems.officelinx.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tables behind the simulated API and the rules a real database-backed Officelinx enforces on
 * them: required columns, IDs that are the table's maximum plus one, references to existing parents
 * of the same company, unique mailbox and feature group numbers per company, company 1 never deleted,
 * no parent deleted while it has children (a mailbox's addresses go with it), and the server's own
 * columns of a new mailbox (default folders, language, creation date). Not thread-safe: the simulator
 * serialises access.
 */
final class OfficelinxDatabase {

    static final List<String> DEFAULT_FOLDERS = List.of("TOP", "DRAFT", "INBOX", "OUTBOX", "SENT", "TRASH");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A write the rules refuse; the API answers it 400 with this message. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The integer columns looked up by value (a company's mailboxes, a mailbox's addresses), indexed. */
    private static final List<String> INDEXED = List.of("PBXID", "CompanyID", "MailboxID", "ParentID", "DepartmentID",
            "FGroupID");

    private final Clock clock;
    private final Map<EntitySchema, TreeMap<Long, ObjectNode>> tables = new LinkedHashMap<>();
    /** Per table and indexed column, the rows by the column's value ({@code asLong}, 0 when absent), by ID. */
    private final Map<EntitySchema, Map<String, Map<Long, TreeMap<Long, ObjectNode>>>> indexes = new HashMap<>();
    /**
     * Per table whose rows have a number unique in their company (a mailbox's {@code MailboxNo}, a feature group's
     * {@code FGNumber}), the rows by company and number, by ID: every write checks the number, and a scan of the
     * company's rows made a create apply quadratic in the size of a company.
     */
    private final Map<EntitySchema, Map<String, TreeMap<Long, ObjectNode>>> byNumber = new HashMap<>();

    /** A freshly installed server: company 1 on PBX 1 with its default feature group 1. */
    OfficelinxDatabase(Clock clock) {
        this.clock = clock;
        EntitySchema.ALL.forEach(schema -> tables.put(schema, new TreeMap<>()));
        store(EntitySchema.COMPANY, 1L, NODES.objectNode()
                .put("CompanyID", 1L).put("PBXID", 1L).put("CompanyName", "Default Company"));
        store(EntitySchema.FEATURE_GROUP, 1L, NODES.objectNode()
                .put("FGroupID", 1L).put("CompanyID", 1L).put("FGNumber", 1L).put("Name", "Default"));
    }

    Optional<ObjectNode> find(EntitySchema schema, long id) {
        return Optional.ofNullable(table(schema).get(id));
    }

    /** The rows whose integer {@code column} is {@code value}, by ascending ID. */
    List<ObjectNode> rowsWhere(EntitySchema schema, String column, long value) {
        if (!INDEXED.contains(column)) {
            return table(schema).values().stream().filter(row -> row.path(column).asLong() == value).toList();
        }
        // looked up without creating an empty index on the way: a read changes nothing, so reads can run side by side
        Map<String, Map<Long, TreeMap<Long, ObjectNode>>> bySchema = indexes.get(schema);
        Map<Long, TreeMap<Long, ObjectNode>> byValue = bySchema == null ? null : bySchema.get(column);
        TreeMap<Long, ObjectNode> rows = byValue == null ? null : byValue.get(value);
        return rows == null ? List.of() : List.copyOf(rows.values());
    }

    /** Stores a new row under the next ID, which it returns; the row gets its ID and server columns. */
    long insert(EntitySchema schema, ObjectNode row) throws Refused {
        requireColumns(schema, row);
        if (schema == EntitySchema.COMPANY && row.path("CompanyID").asLong() > 0
                && table(schema).containsKey(row.get("CompanyID").asLong())) {
            throw new Refused("RET_RECEXISTS");
        }
        long id = table(schema).isEmpty() ? 1 : table(schema).lastKey() + 1;
        addServerColumns(schema, row);
        checkReferences(schema, row, id);
        row.put(schema.idField(), id);
        store(schema, id, row);
        return id;
    }

    /** Replaces an existing row whole: what the new row leaves out is gone. */
    void replace(EntitySchema schema, long id, ObjectNode row) throws Refused {
        if (row.hasNonNull(schema.idField()) && row.get(schema.idField()).asLong() != id) {
            throw new Refused("The " + schema.idField() + " in the body does not match the one in the URI.");
        }
        requireColumns(schema, row);
        checkReferences(schema, row, id);
        row.put(schema.idField(), id);
        store(schema, id, row);
    }

    void delete(EntitySchema schema, long id) throws Refused {
        if (schema == EntitySchema.COMPANY && id == 1) {
            throw new Refused("Company 1 is the system's default company and cannot be deleted.");
        }
        if (schema == EntitySchema.COMPANY && (any(EntitySchema.DEPARTMENT, "CompanyID", id)
                || any(EntitySchema.FEATURE_GROUP, "CompanyID", id) || any(EntitySchema.MAILBOX, "CompanyID", id))) {
            throw new Refused("Company " + id + " still has departments, feature groups or mailboxes.");
        }
        if (schema == EntitySchema.DEPARTMENT && (any(EntitySchema.DEPARTMENT, "ParentID", id)
                || any(EntitySchema.MAILBOX, "DepartmentID", id))) {
            throw new Refused("Department " + id + " still has departments or mailboxes.");
        }
        if (schema == EntitySchema.FEATURE_GROUP && any(EntitySchema.MAILBOX, "FGroupID", id)) {
            throw new Refused("Feature group " + id + " is still used by mailboxes.");
        }
        remove(schema, id);
        if (schema == EntitySchema.MAILBOX) {
            for (ObjectNode address : rowsWhere(EntitySchema.ADDRESS, "MailboxID", id)) {
                remove(EntitySchema.ADDRESS, address.path(EntitySchema.ADDRESS.idField()).asLong());
            }
        }
    }

    /** {@code {"EEAMCompanies": [...], "EEAMDepartments": [...], ...}}: every table's rows. */
    ObjectNode snapshot() {
        ObjectNode state = NODES.objectNode();
        for (EntitySchema schema : EntitySchema.ALL) {
            ArrayNode rows = state.putArray(schema.resource());
            table(schema).values().forEach(row -> rows.add(row.deepCopy()));
        }
        return state;
    }

    void restore(JsonNode state) {
        for (EntitySchema schema : EntitySchema.ALL) {
            table(schema).clear();
            indexes.remove(schema);
            byNumber.remove(schema);
            for (JsonNode row : state.path(schema.resource())) {
                if (row.isObject() && row.path(schema.idField()).canConvertToLong()) {
                    store(schema, row.get(schema.idField()).asLong(), ((ObjectNode) row).deepCopy());
                }
            }
        }
    }

    private static void requireColumns(EntitySchema schema, ObjectNode row) throws Refused {
        Optional<String> missing = schema.missingRequired(row);
        if (missing.isPresent()) {
            throw new Refused("The " + missing.get() + " field is required.");
        }
    }

    private void addServerColumns(EntitySchema schema, ObjectNode row) {
        if (schema == EntitySchema.DEPARTMENT && !row.hasNonNull("ParentID")) {
            row.put("ParentID", 0L);
        }
        if (schema == EntitySchema.MAILBOX) {
            if (!row.hasNonNull("DepartmentID")) {
                row.put("DepartmentID", 0L);
            }
            ArrayNode folders = row.putArray("Folders");
            DEFAULT_FOLDERS.forEach(folders::add);
            if (!row.hasNonNull("Language")) {
                row.put("Language", "en-US");
            }
            row.put("CreationDate", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    /** Refuses a row (to be stored under {@code id}) that names something it may not. */
    private void checkReferences(EntitySchema schema, ObjectNode row, long id) throws Refused {
        long company = row.path("CompanyID").asLong();
        if (schema != EntitySchema.COMPANY && schema != EntitySchema.ADDRESS
                && !table(EntitySchema.COMPANY).containsKey(company)) {
            throw new Refused("Company " + company + " does not exist.");
        }
        if (schema == EntitySchema.DEPARTMENT) {
            long parent = row.path("ParentID").asLong();
            for (long ancestor = parent; ancestor != 0; ) {
                ObjectNode next = table(schema).get(ancestor);
                if (next == null || next.path("CompanyID").asLong() != company) {
                    throw new Refused("Parent department " + parent + " does not exist in company " + company + ".");
                }
                if (ancestor == id) {
                    throw new Refused("A department cannot be its own parent.");
                }
                ancestor = next.path("ParentID").asLong();
            }
        } else if (schema == EntitySchema.FEATURE_GROUP) {
            long number = row.path("FGNumber").asLong();
            if (numberTaken(schema, row, id)) {
                throw new Refused("Feature group number " + number + " already exists in company " + company + ".");
            }
        } else if (schema == EntitySchema.MAILBOX) {
            long group = row.path("FGroupID").asLong();
            if (find(EntitySchema.FEATURE_GROUP, group).filter(g -> g.path("CompanyID").asLong() == company).isEmpty()) {
                throw new Refused("Feature group " + group + " does not exist in company " + company + ".");
            }
            long department = row.path("DepartmentID").asLong();
            if (department != 0 && find(EntitySchema.DEPARTMENT, department)
                    .filter(d -> d.path("CompanyID").asLong() == company).isEmpty()) {
                throw new Refused("Department " + department + " does not exist in company " + company + ".");
            }
            String number = row.path("MailboxNo").asText();
            if (numberTaken(schema, row, id)) {
                throw new Refused("Mailbox number " + number + " already exists in company " + company + ".");
            }
        } else if (schema == EntitySchema.ADDRESS && !table(EntitySchema.MAILBOX).containsKey(row.path("MailboxID").asLong())) {
            throw new Refused("Mailbox " + row.path("MailboxID").asLong() + " does not exist.");
        }
    }

    /** Whether a row of {@code schema} has {@code value} in the indexed {@code column}. */
    private boolean any(EntitySchema schema, String column, long value) {
        TreeMap<Long, ObjectNode> rows = index(schema, column).get(value);
        return rows != null && !rows.isEmpty();
    }

    /** Puts a row under its ID, replacing any row there, and keeps the indexes in step. */
    private void store(EntitySchema schema, long id, ObjectNode row) {
        ObjectNode old = table(schema).put(id, row);
        if (old != null) {
            unindex(schema, id, old);
        }
        for (String column : INDEXED) {
            index(schema, column).computeIfAbsent(row.path(column).asLong(), v -> new TreeMap<>()).put(id, row);
        }
        numberKey(schema, row).ifPresent(key ->
                byNumber.computeIfAbsent(schema, s -> new HashMap<>()).computeIfAbsent(key, k -> new TreeMap<>()).put(id, row));
    }

    /** Whether another row of {@code row}'s company has its number. */
    private boolean numberTaken(EntitySchema schema, ObjectNode row, long id) {
        TreeMap<Long, ObjectNode> rows = numberKey(schema, row)
                .map(key -> byNumber.getOrDefault(schema, Map.of()).get(key)).orElse(null);
        return rows != null && rows.keySet().stream().anyMatch(other -> other != id);
    }

    /** "company/number" for a row of a table with numbers unique in a company; a feature group's number is an integer. */
    private static Optional<String> numberKey(EntitySchema schema, ObjectNode row) {
        String company = row.path("CompanyID").asLong() + "/";
        if (schema == EntitySchema.MAILBOX) {
            return Optional.of(company + row.path("MailboxNo").asText());
        }
        return schema == EntitySchema.FEATURE_GROUP ? Optional.of(company + row.path("FGNumber").asLong()) : Optional.empty();
    }

    private void remove(EntitySchema schema, long id) {
        ObjectNode old = table(schema).remove(id);
        if (old != null) {
            unindex(schema, id, old);
        }
    }

    private void unindex(EntitySchema schema, long id, ObjectNode row) {
        numberKey(schema, row).ifPresent(key -> {
            Map<String, TreeMap<Long, ObjectNode>> numbers = byNumber.getOrDefault(schema, Map.of());
            TreeMap<Long, ObjectNode> rows = numbers.get(key);
            if (rows != null && rows.remove(id) != null && rows.isEmpty()) {
                numbers.remove(key);
            }
        });
        for (String column : INDEXED) {
            Map<Long, TreeMap<Long, ObjectNode>> byValue = index(schema, column);
            long value = row.path(column).asLong();
            TreeMap<Long, ObjectNode> rows = byValue.get(value);
            if (rows != null) {
                rows.remove(id);
                if (rows.isEmpty()) {
                    byValue.remove(value);
                }
            }
        }
    }

    private Map<Long, TreeMap<Long, ObjectNode>> index(EntitySchema schema, String column) {
        return indexes.computeIfAbsent(schema, s -> new HashMap<>()).computeIfAbsent(column, c -> new HashMap<>());
    }

    private TreeMap<Long, ObjectNode> table(EntitySchema schema) {
        return tables.get(schema);
    }
}
