package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.provider.IdResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code EEAMMailboxes}: known by company and MailboxNo; the feature group is named by its number and
 * the department by its path, both resolved to server IDs (FGroupID, DepartmentID; 0 for none).
 */
final class Mailboxes extends EeamResourceType {

    Mailboxes(OfficelinxClient client, LiveStateReader reader) {
        super(OfficelinxKinds.MAILBOX, "EEAMMailboxes", "MailboxID", client, reader);
    }

    @Override
    Map<String, JsonNode> parentIds(Resource desired, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("CompanyID", id(ids.require(OfficelinxMapping.companyOf(desired.key()))));
        if (desired.field("number").isEmpty()) {
            values.put("MailboxNo", text(desired.key().leaf()));
        }
        return values;
    }

    @Override
    Map<String, JsonNode> apiValues(Resource desired, Set<String> fields, IdResolver ids) {
        String company = desired.key().parts().get(0);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String field : fields) {
            Optional<Object> value = desired.field(field);
            switch (field) {
                case "number" -> value.ifPresent(v -> values.put("MailboxNo", text(v)));
                case "userName" -> value.ifPresent(v -> values.put("UserName", text(v)));
                case "firstName" -> value.ifPresent(v -> values.put("FirstName", text(v)));
                case "lastName" -> value.ifPresent(v -> values.put("LastName", text(v)));
                case "featureGroup" -> value.ifPresent(v -> values.put("FGroupID", id(ids.require(
                        OfficelinxMapping.featureGroupKey(company, OfficelinxMapping.asLong(v))))));
                // a department no longer declared means none, which the API spells 0
                case "department" -> values.put("DepartmentID", value.isEmpty() ? NODES.numberNode(0L)
                        : id(ids.require(OfficelinxMapping.departmentKey(company, String.valueOf(value.get())))));
                default -> {
                    // not an Officelinx mailbox field: nothing to send
                }
            }
        }
        return values;
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        return findInCompany(desired, ids);
    }

    @Override
    String identityField() {
        return "MailboxNo";
    }
}
