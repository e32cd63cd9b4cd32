package dev.switchboard.systems.xivows;

import static dev.switchboard.systems.xivows.XivoWsKinds.ENTITY;
import static dev.switchboard.systems.xivows.XivoWsKinds.LINE;
import static dev.switchboard.systems.xivows.XivoWsKinds.MAIL_SETTINGS;
import static dev.switchboard.systems.xivows.XivoWsKinds.PICKUP;
import static dev.switchboard.systems.xivows.XivoWsKinds.USER;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.desired.TargetFieldsReader;
import dev.switchboard.diff.Normalizer;
import dev.switchboard.diff.Normalizers;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.Simulator;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.systems.xivows.provider.SumCache;
import dev.switchboard.systems.xivows.provider.XivoWsProviderFactory;
import dev.switchboard.systems.xivows.sim.XivoWsSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy web services of one XiVO ({@code json.php}, seed 004): entities, lines, users with their lines
 * and voicemail, pickup groups and the mail settings, with HTTP Basic. The many XiVOs never moved to XCI
 * adopt Switchboard through it.
 */
@ApplicationScoped
public class XivoWsSystem implements TargetSystem {

    /** One per application: the daemon's successive plans of an unchanged XiVO then cost 304s. */
    private static final SumCache SUMS = new SumCache();

    private static final List<KindDescriptor> KINDS = List.of(
            KindDescriptor.of(ENTITY, List.of("name")),
            KindDescriptor.of(LINE, List.of("context", "number")).extension("number"),
            KindDescriptor.of(USER, List.of("context", "number"), ENTITY, LINE).extension("number"),
            KindDescriptor.of(PICKUP, List.of("name"), USER),
            KindDescriptor.of(MAIL_SETTINGS, List.of(XivoWsKinds.MAIL_KEY)));

    private static final ResourceFileFormat FILES = new ResourceFileFormat(XivoWsKinds.TARGET_KIND, XivoWsKinds.ALL,
            XivoWsReader::read, XivoWsExport::of, TargetFieldsReader.auth("xivoWsAuth", Set.of("password")));

    private final XivoWsProviderFactory providers;

    public XivoWsSystem(ApiObserver observer) {
        this.providers = new XivoWsProviderFactory(observer, SUMS);
    }

    @Override
    public String targetKind() {
        return XivoWsKinds.TARGET_KIND;
    }

    @Override
    public String displayName() {
        return "XiVO web services (json.php)";
    }

    @Override
    public List<KindDescriptor> kinds() {
        return KINDS;
    }

    @Override
    public ResourceFileFormat files() {
        return FILES;
    }

    /** A pickup group's members are a set; a line's codecs ({@code allow}) keep their order of preference. */
    @Override
    public Map<ResourceKind, Normalizer> normalizers() {
        return Map.of(PICKUP, Normalizers.scalars().andThen(Normalizers.unorderedLists("members")));
    }

    @Override
    public ProviderFactory providers() {
        return providers;
    }

    @Override
    public Simulator simulator(SimCredentials credentials) {
        return new XivoWsSimulator(credentials);
    }

    /** Knobs: {@code ids=document|string|number}, {@code lineAdd=numbered|protocol-only}, {@code access=credentials|ip}. */
    @Override
    public Simulator simulator(SimCredentials credentials, Map<String, String> options) {
        return new XivoWsSimulator(credentials, options);
    }

    /** Its dialects, presets of its knobs {@code ids}, {@code lineAdd} and {@code access}. */
    @Override
    public List<SimDialect> dialects() {
        return List.of(
                SimDialect.option("ids-string", "ids", "string",
                        "every id is a JSON string, pickups' and devices' too",
                        "api-notes 1b: \"Ids come back as strings (xivo-ws parses int(obj_dict['id']))\"; the document's entity example has \"id\": \"1\""),
                SimDialect.option("ids-number", "ids", "number",
                        "every id is a JSON number",
                        "the document's device and pickup examples: \"id: 2\", \"id: 4\""),
                SimDialect.option("line-add-protocol-only", "lineAdd", "protocol-only",
                        "a line add carries only the documented protocol block; the line gets its number when a user's linefeatures attach it",
                        "lines ?act=add: the document's example body holds \"protocol\": { \"protocol\": \"sip\", ... } and nothing else"),
                SimDialect.option("access-ip", "access", "ip",
                        "access by source-IP allow-list with no credentials (this machine's loopback is on it)",
                        "api-notes 1b: \"HTTP Basic user/pass or source-IP allow-list with no credentials\""));
    }
}
