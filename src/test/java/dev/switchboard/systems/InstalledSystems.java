package dev.switchboard.systems;

import dev.switchboard.provider.ApiObserver;
import dev.switchboard.system.TargetSystems;
import dev.switchboard.systems.gws.GwsSystem;
import dev.switchboard.systems.officelinx.OfficelinxProviderFactory;
import dev.switchboard.systems.officelinx.OfficelinxSystem;
import dev.switchboard.systems.sipxconfig.SipxconfigSystem;
import dev.switchboard.systems.xci.XciProviderFactory;
import dev.switchboard.systems.xci.XciSystem;
import dev.switchboard.systems.xivows.XivoWsSystem;

/**
 * The installed target systems for tests that run without CDI (loader, planner, diff, simulators):
 * built as the application's beans are, with no metrics. {@code InstalledSystemsTest} proves that this
 * list and the application's beans name the same systems, so a new system cannot be left out here.
 */
public final class InstalledSystems {

    private static final TargetSystems ALL = TargetSystems.of(
            new OfficelinxSystem(new OfficelinxProviderFactory(ApiObserver.NONE)),
            new XciSystem(new XciProviderFactory(ApiObserver.NONE)),
            new GwsSystem(ApiObserver.NONE),
            new SipxconfigSystem(ApiObserver.NONE),
            new XivoWsSystem(ApiObserver.NONE));

    private InstalledSystems() {
    }

    public static TargetSystems all() {
        return ALL;
    }
}
