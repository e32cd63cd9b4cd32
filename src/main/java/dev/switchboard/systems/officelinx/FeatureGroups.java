package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.model.Resource;
import dev.switchboard.provider.IdResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code EEAMFGroups}: a company's feature groups, known by their number (FGNumber). */
final class FeatureGroups extends EeamResourceType {

    FeatureGroups(OfficelinxClient client, LiveStateReader reader) {
        super(OfficelinxKinds.FEATURE_GROUP, "EEAMFGroups", "FGroupID", client, reader);
    }

    @Override
    Map<String, JsonNode> parentIds(Resource desired, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("CompanyID", id(ids.require(OfficelinxMapping.companyOf(desired.key()))));
        if (desired.field("number").isEmpty()) {
            values.put("FGNumber", number(desired.key().leaf()));
        }
        return values;
    }

    @Override
    Map<String, JsonNode> apiValues(Resource desired, Set<String> fields, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        desired.field("number").filter(v -> fields.contains("number")).ifPresent(v -> values.put("FGNumber", number(v)));
        desired.field("name").filter(v -> fields.contains("name")).ifPresent(v -> values.put("Name", text(v)));
        return values;
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        return findInCompany(desired, ids);
    }

    /** The default feature group (FGroupID 1, of company 1) comes with every server: never pruned. */
    @Override
    public Optional<String> deletionRefusal(Resource live) {
        if (live.id().filter(DEFAULT_GROUP_ID::equals).isPresent()) {
            return Optional.of("feature group 1 (FGroupID 1) is the default one every Officelinx server comes with");
        }
        return Optional.empty();
    }

    private static final String DEFAULT_GROUP_ID = "1";

    @Override
    String identityField() {
        return "FGNumber";
    }
}
