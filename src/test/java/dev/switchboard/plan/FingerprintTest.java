package dev.switchboard.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.model.Resource;
import dev.switchboard.model.ResourceKey;
import dev.switchboard.model.Secret;
import dev.switchboard.systems.officelinx.OfficelinxKinds;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void theStreamedFingerprintIsTheHashOfTheCanonicalTreesJson() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("zeta", "last \"quoted\" é ✓ \u0001");
        fields.put("alpha", 42L);
        fields.put("count", 7);
        fields.put("ratio", new BigDecimal("1.50"));
        fields.put("enabled", true);
        fields.put("password", Secret.fromLive("hunter2"));
        fields.put("nothing", null);
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put(10, "ten");
        nested.put("2", List.of("b", 1L, Map.of("y", false, "x", "x")));
        fields.put("nested", nested);
        fields.put("list", Arrays.asList("one", null, 3));
        Resource live = Resource.live(ResourceKey.of(OfficelinxKinds.MAILBOX, "Acme", "1001"), "7", fields, Set.of());

        String text = Fingerprint.canonicalJson(Fingerprint.canonicalTree(live));
        String expected = Fingerprint.PREFIX + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(Fingerprint.of(live)).isEqualTo(expected);
        assertThat(text).startsWith("{\"fields\":{\"alpha\":42,\"count\":7,\"enabled\":true,\"list\":[\"one\",null,3],")
                .contains("\"password\":\"" + Secret.MASK + "\"").doesNotContain("hunter2").endsWith(",\"id\":\"7\"}");
    }
}
