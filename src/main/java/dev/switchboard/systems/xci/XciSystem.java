package dev.switchboard.systems.xci;

import static dev.switchboard.systems.xci.XciKinds.ADMINISTRATOR;
import static dev.switchboard.systems.xci.XciKinds.ENTITY;
import static dev.switchboard.systems.xci.XciKinds.TEMPLATE;
import static dev.switchboard.systems.xci.XciKinds.USER;
import static dev.switchboard.systems.xci.XciKinds.XIVO;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.desired.TargetFieldsReader;
import dev.switchboard.diff.Normalizer;
import dev.switchboard.diff.Normalizers;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.sim.Simulator;
import dev.switchboard.systems.xci.sim.XciDialects;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.systems.xci.sim.XciSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The XiVO Centralized Interface, XCI REST API 1.0 (seed 002): XiVOs, entities, line templates, users and
 * administrators of a fleet of XiVOs, through a cookie session.
 */
@ApplicationScoped
public class XciSystem implements TargetSystem {

    private static final List<KindDescriptor> KINDS = List.of(
            KindDescriptor.of(XIVO, List.of("name")),
            KindDescriptor.of(ENTITY, List.of("name@xivo"), XIVO),
            KindDescriptor.of(TEMPLATE, List.of("name"), XIVO, ENTITY).updatableKey("name"),
            KindDescriptor.of(USER, List.of("xivo", "internalNumber"), ENTITY, TEMPLATE).extension("internalNumber"),
            KindDescriptor.of(ADMINISTRATOR, List.of("login"), ENTITY));

    private static final ResourceFileFormat FILES = new ResourceFileFormat(XciKinds.TARGET_KIND, XciKinds.ALL,
            XciReader::read, (target, live, notes) -> XciExport.of(live, notes),
            TargetFieldsReader.auth("xciAuth", Set.of("password")));

    private final XciProviderFactory providers;

    public XciSystem(XciProviderFactory providers) {
        this.providers = providers;
    }

    @Override
    public String targetKind() {
        return XciKinds.TARGET_KIND;
    }

    @Override
    public String displayName() {
        return "XiVO XCI";
    }

    @Override
    public List<KindDescriptor> kinds() {
        return KINDS;
    }

    @Override
    public ResourceFileFormat files() {
        return FILES;
    }

    /**
     * A template's {@code xivos} and {@code entities} and an administrator's {@code entities} are sets;
     * an entity's {@code intervals} stay ordered, since the API keeps their order and the first one is the
     * entity's main range.
     */
    @Override
    public Map<ResourceKind, Normalizer> normalizers() {
        Normalizer scalars = Normalizers.scalars();
        return Map.of(
                TEMPLATE, scalars.andThen(Normalizers.unorderedLists("xivos", "entities")),
                ADMINISTRATOR, scalars.andThen(Normalizers.unorderedLists("entities")));
    }

    @Override
    public ProviderFactory providers() {
        return providers;
    }

    @Override
    public Simulator simulator(SimCredentials credentials) {
        return new XciSimulator(credentials);
    }

    /** Knobs: its dialects, and {@code session-requests} (how many calls a session lasts). */
    @Override
    public Simulator simulator(SimCredentials credentials, Map<String, String> options) {
        return new XciSimulator(credentials, XciDialects.of(options));
    }

    @Override
    public List<SimDialect> dialects() {
        return XciDialects.ALL;
    }
}
