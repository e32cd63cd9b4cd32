package dev.switchboard.systems.officelinx;

import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.FEATURE_GROUP;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.desired.TargetFieldsReader;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.sim.Simulator;
import dev.switchboard.systems.officelinx.sim.OfficelinxDialects;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.systems.officelinx.sim.OfficelinxSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Esna Officelinx (seed 000): companies, departments, feature groups, mailboxes and their addresses,
 * through the Administrative REST API with an OAuth2 password grant. Field names are matched
 * case-insensitively, as the API treats them (SPEC section 4).
 */
@ApplicationScoped
public class OfficelinxSystem implements TargetSystem {

    private static final List<KindDescriptor> KINDS = List.of(
            KindDescriptor.of(COMPANY, List.of("name")).updatableKey("name"),
            KindDescriptor.of(DEPARTMENT, List.of("company", "path"), COMPANY, DEPARTMENT).updatableKey("name"),
            KindDescriptor.of(FEATURE_GROUP, List.of("company", "number"), COMPANY),
            KindDescriptor.of(MAILBOX, List.of("company", "number"), COMPANY, FEATURE_GROUP, DEPARTMENT).mailbox("number"),
            KindDescriptor.of(ADDRESS, List.of("company", "mailbox", "type", "address"), MAILBOX));

    private static final ResourceFileFormat FILES = new ResourceFileFormat(OfficelinxKinds.TARGET_KIND,
            OfficelinxKinds.ALL, OfficelinxReader::read, (target, live, notes) -> OfficelinxExport.of(live),
            TargetFieldsReader.auth("officelinxAuth", Set.of("clientSecret", "password"))
                    .andThen((target, literal, auth, options) -> {
                        target.integer("pbx").ifPresent(pbx -> options.put("pbx", pbx));
                        target.text("tokenPath").ifPresent(path -> options.put("tokenPath", path));
                        target.text("apiRoot").ifPresent(path -> options.put("apiRoot", path));
                    }));

    private final OfficelinxProviderFactory providers;

    public OfficelinxSystem(OfficelinxProviderFactory providers) {
        this.providers = providers;
    }

    @Override
    public String targetKind() {
        return OfficelinxKinds.TARGET_KIND;
    }

    @Override
    public String displayName() {
        return "Esna Officelinx";
    }

    @Override
    public List<KindDescriptor> kinds() {
        return KINDS;
    }

    @Override
    public ResourceFileFormat files() {
        return FILES;
    }

    @Override
    public boolean caseInsensitiveFieldNames() {
        return true;
    }

    @Override
    public ProviderFactory providers() {
        return providers;
    }

    @Override
    public Simulator simulator(SimCredentials credentials) {
        return new OfficelinxSimulator(credentials);
    }

    /** Its knobs are its dialects, each {@code NAME=true|false}. */
    @Override
    public Simulator simulator(SimCredentials credentials, Map<String, String> options) {
        return new OfficelinxSimulator(credentials, OfficelinxDialects.of(options));
    }

    @Override
    public List<SimDialect> dialects() {
        return OfficelinxDialects.ALL;
    }

    @Override
    public List<String> dialectPrefixes() {
        return List.of(OfficelinxKinds.TARGET_KIND, "olx");
    }
}
