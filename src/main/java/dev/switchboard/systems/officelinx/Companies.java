package dev.switchboard.systems.officelinx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.provider.IdResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code EEAMCompanies}: a company on the target's PBX, known by its name. */
final class Companies extends EeamResourceType {

    /** The document: "If user passes ComapnyID=1, the company will not be deleted." */
    static final String DEFAULT_COMPANY_ID = "1";

    Companies(OfficelinxClient client, LiveStateReader reader) {
        super(OfficelinxKinds.COMPANY, "EEAMCompanies", "CompanyID", client, reader);
    }

    @Override
    Map<String, JsonNode> parentIds(Resource desired, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (desired.field("name").isEmpty()) {
            values.put("CompanyName", text(desired.key().leaf()));
        }
        if (desired.field("pbx").isEmpty()) {
            // the PBX whose companies this provider reads, so that the new company is seen again
            values.put("PBXID", number(reader.pbx()));
        }
        return values;
    }

    @Override
    Map<String, JsonNode> apiValues(Resource desired, Set<String> fields, IdResolver ids) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        desired.field("name").filter(v -> fields.contains("name")).ifPresent(v -> values.put("CompanyName", text(v)));
        desired.field("pbx").filter(v -> fields.contains("pbx")).ifPresent(v -> values.put("PBXID", number(v)));
        return values;
    }

    @Override
    public Optional<Resource> findByKey(Resource desired, IdResolver ids) {
        return reader.companies().stream()
                .map(OfficelinxMapping::company)
                .flatMap(Optional::stream)
                .filter(company -> company.key().equals(desired.key()))
                .findFirst();
    }

    @Override
    public Optional<String> deletionRefusal(Resource live) {
        if (live.id().filter(DEFAULT_COMPANY_ID::equals).isPresent()) {
            return Optional.of("Officelinx never deletes company 1 (CompanyID 1, the system's default company)");
        }
        return Optional.empty();
    }

    @Override
    String identityField() {
        return "CompanyName";
    }
}
