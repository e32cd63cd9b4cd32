package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.provider.IdResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code EEAMDepartments}: departments nest through ParentID (0 at the top); a department is known by
 * its company and its path of names, so its parent is its key minus the last part.
 */
final class Departments extends EeamResourceType {

    Departments(OfficelinxClient client, LiveStateReader reader) {
        super(OfficelinxKinds.DEPARTMENT, "EEAMDepartments", "DepartmentID", client, reader);
    }

    @Override
    Map<String, JsonNode> parentIds(Resource desired, IdResolver ids) {
        ResourceKey key = desired.key();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("CompanyID", id(ids.require(OfficelinxMapping.companyOf(key))));
        values.put("ParentID", key.parts().size() > 2
                ? id(ids.require(key.parentAs(OfficelinxKinds.DEPARTMENT, 1).orElseThrow()))
                : NODES.numberNode(0L));
        if (desired.field("name").isEmpty()) {
            values.put("DepartmentName", text(key.leaf()));
        }
        return values;
    }

    @Override
    Map<String, JsonNode> apiValues(Resource desired, Set<String> fields, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        desired.field("name").filter(v -> fields.contains("name")).ifPresent(v -> values.put("DepartmentName", text(v)));
        return values;
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        return findInCompany(desired, ids);
    }

    @Override
    String identityField() {
        return "DepartmentName";
    }
}
