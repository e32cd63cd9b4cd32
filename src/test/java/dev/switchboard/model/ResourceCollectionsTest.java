package dev.switchboard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A resource's fields and prerequisites behave as the unmodifiable {@code LinkedHashMap} and {@code TreeSet} they
 * were: the same order, lookups, equality and hash codes, against the JDK's own collections both ways round.
 */
class ResourceCollectionsTest {

    private static final ResourceKind COMPANY = ResourceKind.of("officelinx", "company");
    private static final ResourceKind MAILBOX = ResourceKind.of("officelinx", "mailbox");
    private static final ResourceKey MAILBOX_KEY = ResourceKey.of(MAILBOX, "Acme", "100");

    private static Resource withFields(Map<String, Object> fields) {
        return Resource.live(MAILBOX_KEY, "7", fields, Set.of());
    }

    private static Resource withPrerequisites(Set<ResourceKey> dependsOn) {
        return Resource.live(MAILBOX_KEY, "7", Map.of(), dependsOn);
    }

    @Test
    void fieldsKeepTheOrderTheyWereGivenInAndAnswerAsALinkedHashMap() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("number", "100");
        given.put("firstName", "Ada");
        given.put("featureGroup", 56L);
        given.put("quota", new BigDecimal("1.5"));
        given.put("addresses", List.of(Map.of("type", 0L, "address", "100")));
        given.put("none", null);

        Map<String, Object> fields = withFields(given).fields();

        assertThat(fields).isEqualTo(given);
        assertThat(given).isEqualTo(fields);
        assertThat(fields.hashCode()).isEqualTo(given.hashCode());
        assertThat(fields.toString()).isEqualTo(given.toString());
        assertThat(new ArrayList<>(fields.keySet())).containsExactly("number", "firstName", "featureGroup", "quota",
                "addresses", "none");
        assertThat(new ArrayList<>(fields.values())).isEqualTo(new ArrayList<>(given.values()));
        assertThat(fields.get("featureGroup")).isEqualTo(56L);
        assertThat(fields.get(new String("firstName"))).isEqualTo("Ada");
        assertThat(fields.get("lastName")).isNull();
        assertThat(fields.get(42)).isNull();
        assertThat(fields.containsKey("none")).isTrue();
        assertThat(fields.get("none")).isNull();
        assertThat(fields.getOrDefault("none", "x")).isNull();
        assertThat(fields.getOrDefault("lastName", "x")).isEqualTo("x");
        assertThat(fields.containsKey("lastName")).isFalse();
        assertThat(fields.containsValue("Ada")).isTrue();
        assertThat(fields.size()).isEqualTo(6);
        List<String> visited = new ArrayList<>();
        fields.forEach((name, value) -> visited.add(name + "=" + value));
        List<String> expected = new ArrayList<>();
        given.forEach((name, value) -> expected.add(name + "=" + value));
        assertThat(visited).isEqualTo(expected).hasSize(6);
    }

    @Test
    void fieldsAreEqualWhateverTheirOrderAndUnequalOnAnyValue() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", "1");
        one.put("b", 2L);
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("b", 2L);
        reversed.put("a", "1");
        Map<String, Object> other = new HashMap<>(one);
        other.put("b", 3L);

        assertThat(withFields(one).fields()).isEqualTo(withFields(reversed).fields());
        assertThat(withFields(one).fields().hashCode()).isEqualTo(withFields(reversed).fields().hashCode());
        assertThat(withFields(one).fields()).isNotEqualTo(withFields(other).fields());
        assertThat(withFields(one).fields()).isNotEqualTo(withFields(Map.of("a", "1")).fields());
        assertThat(withFields(one).fields()).isNotEqualTo(withFields(Map.of("a", "1", "c", 2L)).fields());
        assertThat(withFields(one)).isEqualTo(withFields(reversed));
        assertThat(withFields(Map.of()).fields()).isEmpty();
        assertThat(withFields(Map.of()).fields()).isEqualTo(Map.of());
    }

    @Test
    void fieldsCannotBeChangedAndAreSharedByAnObjectMadeFromAnother() {
        Map<String, Object> given = new LinkedHashMap<>(Map.of("number", "100"));
        Resource resource = withFields(given);
        given.put("number", "200");

        Map<String, Object> fields = resource.fields();
        assertThat(fields).containsEntry("number", "100");
        assertThatThrownBy(() -> fields.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.remove("number")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(fields::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.entrySet().iterator().next().setValue("y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(resource.withId("8").fields()).isSameAs(fields);
    }

    @Test
    void prerequisitesIterateInKeyOrderWithoutDuplicatesAndAnswerAsATreeSet() {
        Random random = new Random(14);
        Set<ResourceKey> given = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            given.add(random.nextBoolean() ? ResourceKey.of(COMPANY, "Company " + random.nextInt(30))
                    : ResourceKey.of(MAILBOX, "Company " + random.nextInt(5), String.valueOf(random.nextInt(200))));
        }
        TreeSet<ResourceKey> expected = new TreeSet<>(given);

        Set<ResourceKey> dependsOn = withPrerequisites(given).dependsOn();

        assertThat(new ArrayList<>(dependsOn)).containsExactlyElementsOf(expected);
        assertThat(dependsOn).isEqualTo(expected);
        assertThat(expected).isEqualTo(dependsOn);
        assertThat(dependsOn.hashCode()).isEqualTo(expected.hashCode());
        for (ResourceKey key : expected) {
            assertThat(dependsOn.contains(ResourceKey.of(key.kind(), key.parts().toArray(String[]::new)))).isTrue();
        }
        assertThat(dependsOn.contains(ResourceKey.of(COMPANY, "Company 99"))).isFalse();
        assertThat(dependsOn.contains("Company 1")).isFalse();
        assertThatThrownBy(() -> dependsOn.add(MAILBOX_KEY)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dependsOn.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(withPrerequisites(Set.of()).dependsOn()).isEmpty();
        assertThat(withPrerequisites(Set.of(MAILBOX_KEY)).dependsOn()).containsExactly(MAILBOX_KEY);
        Resource resource = withPrerequisites(given);
        assertThat(resource.withId("8").dependsOn()).isSameAs(resource.dependsOn());
        assertThat(resource.withId("8").id()).isEqualTo(Optional.of("8"));
    }
}
