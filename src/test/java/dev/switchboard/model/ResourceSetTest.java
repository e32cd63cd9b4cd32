package dev.switchboard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A set iterates and finds its objects as the {@code TreeMap} it was did. */
class ResourceSetTest {

    private static final ResourceKind COMPANY = ResourceKind.of("officelinx", "company");
    private static final ResourceKind MAILBOX = ResourceKind.of("officelinx", "mailbox");
    private static final ResourceKind USER = ResourceKind.of("xci", "user");

    private static Resource resource(ResourceKind kind, String... parts) {
        return Resource.live(ResourceKey.of(kind, parts), "1", Map.of(), Set.of());
    }

    @Test
    void iteratesInKeyOrderAndFindsByKeyAsATreeMapDid() {
        List<Resource> resources = new ArrayList<>();
        for (int c = 1; c <= 12; c++) {
            resources.add(resource(COMPANY, "Company " + c));
            for (int m = 0; m < 30; m++) {
                resources.add(resource(MAILBOX, "Company " + c, String.valueOf(1000 + m)));
            }
            resources.add(resource(USER, "xivo-" + c, "Zoë " + c));
        }
        Collections.shuffle(resources, new Random(7));
        ResourceSet set = ResourceSet.of("t", resources);

        TreeMap<ResourceKey, Resource> tree = new TreeMap<>();
        resources.forEach(r -> tree.put(r.key(), r));
        assertThat(new ArrayList<>(set.byKey().keySet())).containsExactlyElementsOf(tree.keySet());
        assertThat(new ArrayList<>(set.all())).containsExactlyElementsOf(tree.values());
        assertThat(set.size()).isEqualTo(tree.size());
        assertThat(set.byKey()).isEqualTo(tree);
        for (Resource r : resources) {
            assertThat(set.get(r.key())).containsSame(r);
            assertThat(set.byKey().containsKey(ResourceKey.of(r.kind(), r.key().parts().toArray(String[]::new)))).isTrue();
        }
        assertThat(set.get(ResourceKey.of(MAILBOX, "Company 1", "999"))).isEqualTo(Optional.empty());
        assertThat(set.ofKind(COMPANY)).hasSize(12);
        assertThat(new ResourceSet("t", set.byKey()).byKey()).as("a set of a set, already in order").isEqualTo(tree);
    }

    @Test
    void findsOneKindAndTheObjectsUnderAKeyAsGoingThroughEveryObjectWould() {
        ResourceKind address = ResourceKind.of("officelinx", "address");
        List<Resource> resources = new ArrayList<>();
        // names that sort between "Company 1" and "Company 1/..." (a space, a '!') or start with "Company 1"
        for (String company : List.of("Company 1", "Company 1 2", "Company 1!", "Company 10", "Company 2")) {
            resources.add(resource(COMPANY, company));
            for (String number : List.of("100", "101", "1000")) {
                resources.add(resource(MAILBOX, company, number));
                resources.add(resource(address, company, number, "0", number));
                resources.add(resource(address, company, number, "1", "+1555" + number));
            }
        }
        // a part holding a '/': its path starts with "Company 1/", its parts not with "Company 1"
        resources.add(resource(MAILBOX, "Company 1/1", "7"));
        resources.add(resource(USER, "Company 1", "100"));
        Collections.shuffle(resources, new Random(3));
        ResourceSet set = ResourceSet.of("t", resources);

        for (ResourceKind kind : List.of(COMPANY, MAILBOX, address, USER, ResourceKind.of("xci", "entity"))) {
            assertThat(set.ofKind(kind)).as(kind.name()).containsExactlyElementsOf(
                    set.all().stream().filter(r -> r.kind().equals(kind)).toList());
            for (Resource r : set.all()) {
                for (int length = 1; length <= r.key().parts().size(); length++) {
                    int n = length;
                    List<String> parts = r.key().parts().subList(0, n);
                    assertThat(set.ofKind(kind, parts)).as(kind.name() + " " + parts).containsExactlyElementsOf(
                            set.all().stream().filter(o -> o.kind().equals(kind) && o.key().parts().size() >= n
                                    && o.key().parts().subList(0, n).equals(parts)).toList());
                }
            }
        }
        assertThat(set.ofKind(MAILBOX, List.of("Company 1"))).extracting(r -> r.key().path())
                .containsExactly("Company 1/100", "Company 1/1000", "Company 1/101");
        assertThat(set.ofKind(address, List.of("Company 1", "100"))).extracting(r -> r.key().path())
                .containsExactly("Company 1/100/0/100", "Company 1/100/1/+1555100");
        assertThat(set.ofKind(MAILBOX, List.of("Company 1/1"))).extracting(r -> r.key().parts())
                .containsExactly(List.of("Company 1/1", "7"));
        assertThat(set.ofKind(COMPANY, List.of("Company 3"))).isEmpty();
        assertThat(set.ofKind(MAILBOX, List.of())).isEqualTo(set.ofKind(MAILBOX));
        assertThatThrownBy(() -> set.ofKind(COMPANY).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void isUnmodifiableAndRefusesADuplicateKey() {
        ResourceSet set = ResourceSet.of("t", List.of(resource(COMPANY, "Acme")));
        assertThatThrownBy(() -> set.byKey().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.byKey().put(ResourceKey.of(COMPANY, "B"), null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ResourceSet.of("t", List.of(resource(COMPANY, "Acme"), resource(COMPANY, "Acme"))))
                .hasMessageContaining("duplicate natural key company Acme");
        assertThat(ResourceSet.empty("t").all()).isEmpty();
    }
}
