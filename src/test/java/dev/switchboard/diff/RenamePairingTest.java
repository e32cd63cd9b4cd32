package dev.switchboard.diff;

import static dev.switchboard.systems.officelinx.OfficelinxKinds.ADDRESS;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.COMPANY;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.DEPARTMENT;
import static dev.switchboard.systems.officelinx.OfficelinxKinds.MAILBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.ResourceOptions;
import dev.switchboard.model.ResourceSet;
import dev.switchboard.model.SourceLocation;
import dev.switchboard.systems.InstalledSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenamePairingTest {

    private static final RenameRules RULES = InstalledSystems.all().renameRules();
    private static final SourceLocation AT = new SourceLocation(Path.of("acme.yaml"), 3, 5);

    private static Resource declared(ResourceKey key, String renamedFrom) {
        return Resource.desired(key, Map.of("name", key.leaf()), Set.of(),
                new ResourceOptions(false, Set.of(), Optional.ofNullable(renamedFrom)), AT);
    }

    private static Resource live(ResourceKey key, String id) {
        return Resource.live(key, id, Map.of("name", key.leaf()), Set.of());
    }

    private static final ResourceSet LIVE = ResourceSet.of("olx-main", List.of(
            live(ResourceKey.of(COMPANY, "Acme"), "2"),
            live(ResourceKey.of(DEPARTMENT, "Acme", "Sales"), "5"),
            live(ResourceKey.of(DEPARTMENT, "Acme", "Sales", "EMEA"), "6"),
            live(ResourceKey.of(MAILBOX, "Acme", "1001"), "7"),
            live(ResourceKey.of(ADDRESS, "Acme", "1001", "0", "1001"), "8"),
            live(ResourceKey.of(MAILBOX, "Acmeish", "1001"), "9")));

    @Test
    void childrenFollowTheirRenamedParentAndANestedRenameIsFoundUnderTheNewName() {
        ResourceSet desired = ResourceSet.of("olx-main", List.of(
                declared(ResourceKey.of(COMPANY, "Acme Corp"), "Acme"),
                declared(ResourceKey.of(DEPARTMENT, "Acme Corp", "Ventes"), "Sales")));
        RenamePairing.Result result = RenamePairing.pair(desired, LIVE, RULES);

        assertThat(result.renamed()).containsExactly(ResourceKey.of(COMPANY, "Acme Corp"),
                ResourceKey.of(DEPARTMENT, "Acme Corp", "Ventes"));
        assertThat(result.live().byKey().keySet()).containsExactlyInAnyOrder(
                ResourceKey.of(COMPANY, "Acme Corp"),
                ResourceKey.of(DEPARTMENT, "Acme Corp", "Ventes"),
                ResourceKey.of(DEPARTMENT, "Acme Corp", "Ventes", "EMEA"),
                ResourceKey.of(MAILBOX, "Acme Corp", "1001"),
                ResourceKey.of(ADDRESS, "Acme Corp", "1001", "0", "1001"),
                ResourceKey.of(MAILBOX, "Acmeish", "1001"));
        assertThat(result.live().get(ResourceKey.of(MAILBOX, "Acme Corp", "1001")).orElseThrow().id()).contains("7");
        // each moved object is remembered as the server has it, under its first key
        assertThat(result.movedFrom().get(ResourceKey.of(DEPARTMENT, "Acme Corp", "Ventes", "EMEA")).key())
                .isEqualTo(ResourceKey.of(DEPARTMENT, "Acme", "Sales", "EMEA"));
        assertThat(result.movedFrom().get(ResourceKey.of(DEPARTMENT, "Acme Corp", "Ventes")).key())
                .isEqualTo(ResourceKey.of(DEPARTMENT, "Acme", "Sales"));
        assertThat(result.notes()).isEmpty();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void aKindWhoseKeyCannotChangeMovesAloneForAReplace() {
        ResourceSet desired = ResourceSet.of("olx-main", List.of(declared(ResourceKey.of(MAILBOX, "Acme", "1009"), "1001")));
        RenamePairing.Result result = RenamePairing.pair(desired, LIVE, RULES);
        assertThat(result.renamed()).containsExactly(ResourceKey.of(MAILBOX, "Acme", "1009"));
        assertThat(result.live().get(ResourceKey.of(ADDRESS, "Acme", "1001", "0", "1001"))).isPresent();
        assertThat(result.live().get(ResourceKey.of(MAILBOX, "Acme", "1001"))).isEmpty();
    }

    @Test
    void aRenameDoneOrWithNothingToRenameIsANoteAndAnOldKeyDeclaredTooAnError() {
        ResourceSet desired = ResourceSet.of("olx-main", List.of(
                declared(ResourceKey.of(COMPANY, "Acme"), "Acme Inc"),
                declared(ResourceKey.of(COMPANY, "Beta"), "Gamma"),
                declared(ResourceKey.of(DEPARTMENT, "Acme", "Support"), "Sales"),
                declared(ResourceKey.of(DEPARTMENT, "Acme", "Sales"), null)));
        RenamePairing.Result result = RenamePairing.pair(desired, LIVE, RULES);
        assertThat(result.renamed()).isEmpty();
        assertThat(result.live()).isEqualTo(LIVE);
        assertThat(result.notes().get(ResourceKey.of(COMPANY, "Acme"))).startsWith("renamedFrom Acme Inc (at acme.yaml:3:5)"
                + " is done: the server has it under its new name");
        assertThat(result.notes().get(ResourceKey.of(COMPANY, "Beta"))).contains("the server has no company Gamma");
        assertThat(result.errors().get(ResourceKey.of(DEPARTMENT, "Acme", "Support")))
                .contains("but department Acme/Sales is declared too");
    }
}
