package dev.switchboard.diff;

import dev.switchboard.systems.InstalledSystems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.desired.DesiredState;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.systems.xci.XciKinds;
import dev.switchboard.plan.PlanFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DifferTest {

    private final Differ differ = new Differ(InstalledSystems.all().normalizers());

    @Test
    void comparesOnlyTheFieldsTheFileDeclares() {
        ResourceDiff mailbox = pair("update", "olx-main", ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001"));
        assertThat(mailbox.fields()).extracting(FieldDiff::field).containsExactly("lastName", "featureGroup");
        assertThat(mailbox.live().orElseThrow().fields()).containsKey("language");
        assertThat(mailbox.fields().get(0)).isEqualTo(
                new FieldDiff("lastName", Optional.of("Smith"), Optional.of("Liddell"), false));
    }

    @Test
    void treatsNumbersAndTheirTextAsEqualAndNullAsAbsent() {
        List<ResourceDiff> pairs = pairs("no-op", "olx-main");
        assertThat(pairs).allMatch(ResourceDiff::isInSync);
        assertThat(pairs).hasSize(3);
    }

    @Test
    void comparesTextExactlySoALeadingZeroCounts() {
        ResourceDiff template = pair("normalizers", "xci-paris", ResourceKey.of(XciKinds.TEMPLATE, "Direct line"));
        assertThat(template.fields()).extracting(FieldDiff::field)
                .containsExactly("routedInboundPrefix", "customCallerId");
        assertThat(template.fields().get(1).before()).as("a live null is absent").isEmpty();
    }

    @Test
    void comparesTemplateXivosAndEntitiesAsSets() {
        assertThat(pair("normalizers", "xci-paris", ResourceKey.of(XciKinds.TEMPLATE, "Standard line")).isInSync())
                .isTrue();
    }

    @Test
    void comparesAdministratorEntitiesAsASet() {
        assertThat(pair("normalizers", "xci-paris", ResourceKey.of(XciKinds.ADMINISTRATOR, "ops")).isInSync()).isTrue();
    }

    @Test
    void keepsEntityIntervalsOrderedButNotTheirKeys() {
        assertThat(pair("normalizers", "xci-paris", ResourceKey.of(XciKinds.ENTITY, "sales@xivo-a")).fields())
                .extracting(FieldDiff::field).containsExactly("intervals");
        assertThat(pair("normalizers", "xci-paris", ResourceKey.of(XciKinds.ENTITY, "support@xivo-b")).isInSync())
                .as("{end, start} is the same interval as {start, end}").isTrue();
    }

    @Test
    void matchesOfficelinxFieldNamesWhateverTheirCaseButNoOtherSystems() {
        var mailbox = ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001");
        assertThat(differ.compare(desired(mailbox, "firstName", "Alice"), live(mailbox, "FirstName", "Alice"))).isEmpty();
        var user = ResourceKey.of(XciKinds.USER, "xivo-paris", "1701");
        assertThat(differ.compare(desired(user, "firstName", "Alice"), live(user, "FirstName", "Alice")))
                .extracting(FieldDiff::field).containsExactly("firstName");
    }

    @Test
    void skipsIgnoredFields() {
        ResourceDiff bob = pair("secrets", "xci-paris", ResourceKey.of(XciKinds.USER, "xivo-paris", "1702"));
        assertThat(bob.live().orElseThrow().fields()).containsEntry("ctiLogin", "robert");
        assertThat(bob.isInSync()).isTrue();
    }

    @Test
    void skipsWriteOnlyFields() {
        assertThat(pair("secrets", "xci-paris", ResourceKey.of(XciKinds.ADMINISTRATOR, "ops")).isInSync())
                .as("password comes back hashed").isTrue();
        assertThat(pair("secrets", "xci-paris", ResourceKey.of(XciKinds.XIVO, "xivo-paris")).isInSync())
                .as("configure is never returned").isTrue();
    }

    @Test
    void replacesDeclaredWriteOnlyFieldsWhenAsked() {
        DesiredState desired = PlanFixtures.desired("secrets");
        ResourceSet live = PlanFixtures.live("secrets", desired).get("xci-paris");
        Differ replacing = new Differ(InstalledSystems.all().normalizers(), true);
        var ops = ResourceKey.of(XciKinds.ADMINISTRATOR, "ops");
        assertThat(replacing.compare(desired.resourcesOf("xci-paris").get(ops).orElseThrow(), live.get(ops).orElseThrow()))
                .singleElement().satisfies(diff -> {
                    assertThat(diff.field()).isEqualTo("password");
                    assertThat(diff.sensitive()).isTrue();
                });
    }

    @Test
    void comparesSecretsByValueAndMarksThemSensitive() {
        ResourceDiff alice = pair("secrets", "xci-paris", ResourceKey.of(XciKinds.USER, "xivo-paris", "1701"));
        assertThat(alice.fields()).singleElement().satisfies(diff -> {
            assertThat(diff.field()).isEqualTo("ctiPassword");
            assertThat(diff.sensitive()).isTrue();
        });
        assertThat(pair("secrets", "xci-paris", ResourceKey.of(XciKinds.USER, "xivo-paris", "1702")).fields())
                .as("the same password").isEmpty();
    }

    @Test
    void pairsByNaturalKeyIntoMissingAndUnmanaged() {
        List<ResourceDiff> pairs = pairs("create", "olx-main");
        assertThat(pairs).filteredOn(ResourceDiff::isUnmanaged).extracting(p -> p.key().toString())
                .containsExactly("company Default", "featureGroup Default/1");
        assertThat(pairs).filteredOn(ResourceDiff::isMissingLive).hasSize(6);
    }

    @Test
    void appliesTheRegisteredNormalizerOfAKindOnly() {
        Normalizer upper = (field, value) -> value.map(v -> v.toString().toUpperCase());
        Differ custom = new Differ(NormalizerRegistry.of(Map.of(OfficelinxKinds.MAILBOX, upper), Normalizer.IDENTITY));
        DesiredState desired = PlanFixtures.desired("update");
        ResourceSet live = PlanFixtures.live("update", desired).get("olx-main");
        var mailbox = ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001");
        assertThat(custom.compare(desired.resourcesOf("olx-main").get(mailbox).orElseThrow(),
                live.get(mailbox).orElseThrow())).extracting(FieldDiff::field).containsExactly("lastName", "featureGroup");
        var group = ResourceKey.of(OfficelinxKinds.FEATURE_GROUP, "Acme", "56");
        assertThat(custom.compare(desired.resourcesOf("olx-main").get(group).orElseThrow(),
                live.get(group).orElseThrow())).as("identity: no normalizer for feature groups").isEmpty();
    }

    private static Resource desired(ResourceKey key, String field, Object value) {
        return Resource.desired(key, Map.of(field, value), Set.of(), ResourceOptions.NONE,
                SourceLocation.startOf(Path.of("test.yaml")));
    }

    private static Resource live(ResourceKey key, String field, Object value) {
        return Resource.live(key, "1", Map.of(field, value), Set.of());
    }

    private List<ResourceDiff> pairs(String fixture, String target) {
        DesiredState desired = PlanFixtures.desired(fixture);
        return differ.diff(desired.resourcesOf(target), PlanFixtures.live(fixture, desired).get(target));
    }

    private ResourceDiff pair(String fixture, String target, ResourceKey key) {
        return pairs(fixture, target).stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }
}
