package dev.switchboard.systems.sipxconfig;

import dev.switchboard.desired.ResourceFileFormat;
import dev.switchboard.model.ResourceKind;
import dev.switchboard.provider.ApiObserver;
import dev.switchboard.provider.ProviderFactory;
import dev.switchboard.sim.SimCredentials;
import dev.switchboard.sim.Simulator;
import dev.switchboard.sim.SimDialect;
import dev.switchboard.system.KindDescriptor;
import dev.switchboard.system.TargetSystem;
import dev.switchboard.systems.sipxconfig.provider.SipxconfigProviderFactory;
import dev.switchboard.systems.sipxconfig.sim.SipxconfigSimOptions;
import dev.switchboard.systems.sipxconfig.sim.SipxconfigSimulator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * sipXconfig (sipXecs, sipXcom, Uniteme): the per-user settings, conferences and private phonebooks of the
 * users a target lists, through the user REST API below {@code /sipxconfig/rest/my}, each call as its user.
 */
@ApplicationScoped
public class SipxconfigSystem implements TargetSystem {

    private final SipxconfigProviderFactory providers;

    public SipxconfigSystem(ApiObserver observer) {
        this.providers = new SipxconfigProviderFactory(observer);
    }

    @Override
    public String targetKind() {
        return SipxconfigKinds.TARGET_KIND;
    }

    @Override
    public String displayName() {
        return "sipXconfig (sipXecs / sipXcom)";
    }

    @Override
    public List<KindDescriptor> kinds() {
        List<KindDescriptor> kinds = new ArrayList<>();
        for (ResourceKind kind : SipxconfigKinds.PER_USER) {
            kinds.add(KindDescriptor.of(kind, List.of("user")).extension("user"));
        }
        kinds.add(KindDescriptor.of(SipxconfigKinds.CONFERENCE_SETTINGS, List.of("user", "name")));
        kinds.add(KindDescriptor.of(SipxconfigKinds.PHONEBOOK_ENTRY, List.of("user", "number")));
        return kinds;
    }

    @Override
    public ResourceFileFormat files() {
        return new ResourceFileFormat(SipxconfigKinds.TARGET_KIND, SipxconfigKinds.ALL, new SipxconfigReader(),
                new SipxconfigExport(), new SipxconfigTargetFields());
    }

    @Override
    public ProviderFactory providers() {
        return providers;
    }

    /** Users 200 to 209 with password {@code password}; the credentials of other systems do not apply. */
    @Override
    public Simulator simulator(SimCredentials credentials) {
        return new SipxconfigSimulator();
    }

    @Override
    public Simulator simulator(SimCredentials credentials, Map<String, String> options) {
        return new SipxconfigSimulator(SipxconfigSimOptions.parse(options));
    }

    /** Its dialects, presets of its knobs {@code dialect}, {@code version} and {@code speedDial}. */
    @Override
    public List<SimDialect> dialects() {
        return List.of(
                SimDialect.option("sipxecs", "dialect", "sipxecs",
                        "/my/callfwd answers as the sipXecs source does: bare JSON with withVM, derived from the voicemail permission",
                        "api-notes 1a: \"the field is withVM, the doc says withVoicemail; GET's withVM is derived from user.hasVoicemailPermission()\""),
                SimDialect.option("sipxcom", "version", "sipxcom",
                        "/my/phonebook lists entries with their ids, as the sipXcom fork does",
                        "api-notes 1a: \"/my/phonebook omits m_id in legacy-sipxecs; sipXcom/sipxecs adds m_id to Representable\""),
                SimDialect.option("group-speed-dial", "speedDial", "group",
                        "users start with no personal speed dial: GET falls back to the group's, PUT answers 404",
                        "api-notes 1a: \"GET falls back to the group speed dial (groupSpeedDial:true) when the user has none; PUT when the user has no personal speed dial -> 404\""));
    }
}
