package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChangeTest {

    private static final ResourceKey KEY = ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001");

    /** A field value that counts how often it is written out: {@link Fingerprint} writes an unknown value as text. */
    private static final class Counted {
        final AtomicInteger written = new AtomicInteger();

        @Override
        public String toString() {
            written.incrementAndGet();
            return "counted";
        }
    }

    @Test
    void aChangeFromALiveObjectWorksItsFingerprintOutOnlyWhenAskedAndOnce() {
        Counted value = new Counted();
        Resource live = Resource.live(KEY, "7", Map.of("note", value), Set.of());
        Change noOp = Change.noOp("olx-main", live, live);
        Change unmanaged = Change.unmanaged("olx-main", live, "no file declares it; prune is off");
        assertThat(noOp.hashCode()).isEqualTo(Change.noOp("olx-main", live, live).hashCode());
        assertThat(value.written).as("not while planning").hasValue(0);

        String expected = Fingerprint.of(live);
        assertThat(value.written).hasValue(1);
        assertThat(noOp.liveFingerprint()).contains(expected);
        assertThat(noOp.liveFingerprint()).contains(expected);
        assertThat(value.written).as("once for the change, however often asked").hasValue(2);
        assertThat(unmanaged.liveFingerprint()).contains(expected);
        assertThat(value.written).hasValue(3);
    }

    @Test
    void equalityAndTextAreThoseOfItsEightComponentsFingerprintIncluded() {
        Resource live = Resource.live(KEY, "7", Map.of("firstName", "Ada"), Set.of());
        Change lazy = Change.noOp("olx-main", live, live);
        Change given = new Change("olx-main", KEY, Action.NO_OP, Optional.of(live), Optional.of(live), List.of(),
                "in sync", Optional.of(Fingerprint.of(live)));
        Change stale = new Change("olx-main", KEY, Action.NO_OP, Optional.of(live), Optional.of(live), List.of(),
                "in sync", Optional.of("sha256:0"));
        assertThat(lazy).isEqualTo(given).hasSameHashCodeAs(given).isNotEqualTo(stale);
        assertThat(lazy.toString()).isEqualTo(given.toString()).contains("liveFingerprint=Optional[sha256:");
    }

    @Test
    void resolvingSecretsKeepsTheFingerprintOfTheLiveObject() {
        Resource live = Resource.live(KEY, "7", Map.of("firstName", "Ada", "password", SecretRef.masked()), Set.of());
        Resource desired = Resource.live(KEY, "7", Map.of("firstName", "Ada", "password", SecretRef.to("${env:PIN}")),
                Set.of());
        Change update = Change.update("olx-main", live, desired, List.of(dev.switchboard.diff.FieldDiff.set("password",
                SecretRef.to("${env:PIN}"))));
        Change resolved = update.withSecretsResolved(reference -> Secret.fromReference(reference, "1234"));
        assertThat(resolved.after().orElseThrow().fields().get("password")).isInstanceOf(Secret.class);
        assertThat(resolved.liveFingerprint()).contains(Fingerprint.of(live)).isEqualTo(update.liveFingerprint());
    }

    @Test
    void aGivenFingerprintIsRequired() {
        Resource live = Resource.live(KEY, "7", Map.of(), Set.of());
        assertThatThrownBy(() -> new Change("olx-main", KEY, Action.NO_OP, Optional.of(live), Optional.of(live), List.of(),
                "in sync", null)).isInstanceOf(NullPointerException.class).hasMessage("liveFingerprint");
    }
}
