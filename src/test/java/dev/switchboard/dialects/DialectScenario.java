package dev.switchboard.dialects;

import dev.switchboard.sim.SimDialect;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end flow of one system for {@link DialectMatrixTest}: a target entry of {@code switchboard.yaml}
 * and three versions of its resource file. {@code v2} changes exactly one field of {@code v1}; {@code v3}
 * removes objects from {@code v2}, which the target (with {@code prune: true}) must delete.
 *
 * @param kind           the target kind
 * @param target         the target's fields in {@code switchboard.yaml} besides kind, url, prune and sim
 * @param simOptions     knobs every cell's simulator gets (XCI: sessions that end after a few calls)
 * @param v1             the resource file first applied
 * @param v2             with one field changed
 * @param v3             with objects removed
 * @param goneAfterPrune texts the simulator's state must no longer hold once v3 is applied
 * @param settings       per-dialect target settings a dialect needs because it cannot be detected
 * @param omitted        per dialect, a line of the resource files that cannot be applied in it (the API has no
 *                       way to do it; the provider's error for it is tested beside the provider)
 */
record DialectScenario(String kind, String target, Map<String, String> simOptions, String v1, String v2, String v3,
                       List<String> goneAfterPrune, Map<String, String> settings, Map<String, String> omitted) {

    String v1(List<SimDialect> dialects) {
        return without(v1, dialects);
    }

    String v2(List<SimDialect> dialects) {
        return without(v2, dialects);
    }

    String v3(List<SimDialect> dialects) {
        return without(v3, dialects);
    }

    private String without(String resources, List<SimDialect> dialects) {
        String kept = resources;
        for (SimDialect dialect : dialects) {
            String line = omitted.get(dialect.name());
            if (line != null) {
                kept = kept.lines().filter(l -> !l.contains(line)).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            }
        }
        return kept;
    }

    static final String SECRET_FILE = "secrets/s";

    static List<DialectScenario> all() {
        return List.of(officelinx(), xci(), sipxconfig(), xivoWs(), gws());
    }

    static DialectScenario officelinx() {
        String v1 = """
                target: t
                companies:
                  - name: Acme
                    departments:
                      - name: Sales
                        departments: [ { name: EMEA } ]
                      - name: Support
                    featureGroups:
                      - { number: 56, name: Standard }
                    mailboxes:
                      - { number: "1001", userName: alice@acme.example, firstName: Alice, lastName: Liddell, featureGroup: 56, department: Sales/EMEA, addresses: [ { type: 0, address: "1001" } ] }
                      - { number: "1002", userName: bob@acme.example, firstName: Bob, lastName: Marley, featureGroup: 56, department: Support, addresses: [ { type: 0, address: "1002" }, { type: 3, address: "bob@acme.example" } ] }
                """;
        String v2 = v1.replace("lastName: Marley", "lastName: Marley-Booker");
        String v3 = """
                target: t
                companies:
                  - name: Acme
                    departments:
                      - name: Sales
                        departments: [ { name: EMEA } ]
                    featureGroups:
                      - { number: 56, name: Standard }
                    mailboxes:
                      - { number: "1001", userName: alice@acme.example, firstName: Alice, lastName: Liddell, featureGroup: 56, department: Sales/EMEA, addresses: [ { type: 0, address: "1001" } ] }
                """;
        return new DialectScenario("officelinx", """
                    auth: { clientId: switchboard, clientSecret: switchboard, username: admin, password: admin }
                """, Map.of(), v1, v2, v3, List.of("Support", "Marley", "bob@acme.example"),
                Map.of("api-root-bare", "    apiRoot: /api\n"), Map.of());
    }

    static DialectScenario xci() {
        String v1 = """
                target: t
                xivos:
                  - { name: xivo-paris, host: 10.0.0.220 }
                templates:
                  - { name: Standard line, xivos: [xivo-paris], entities: [acme@xivo-paris], peerSipName: auto, ringingTime: 30, routedInbound: false, callerIdMode: anonymous, voiceMailEnabled: false }
                entities:
                  - name: acme
                    xivo: xivo-paris
                    displayName: Acme Paris
                    intervals: [ { start: "1700", end: "1799" } ]
                    presentedNumber: inbNo
                    users:
                      - { internalNumber: "1701", firstName: Alice, lastName: Liddell, template: Standard line }
                      - { internalNumber: "1702", firstName: Bob, lastName: Marley, template: Standard line }
                administrators:
                  - { login: ops, name: Ops team, superAdmin: false, ldap: false, password: "${file:secrets/s}", entities: [acme@xivo-paris] }
                """;
        String v2 = v1.replace("name: Ops team", "name: Operations");
        String v3 = v2.replace("""
                      - { internalNumber: "1702", firstName: Bob, lastName: Marley, template: Standard line }
                """, "");
        return new DialectScenario("xci", """
                    auth: { login: admin, password: admin }
                """, Map.of("session-requests", "6"), v1, v2, v3, List.of("Marley"), Map.of(), Map.of());
    }

    static DialectScenario sipxconfig() {
        String v1 = """
                target: t
                users:
                  - user: "201"
                    callForwarding: { expiration: 25, withVoicemail: true, rings: [ { number: "5551212", expiration: 30, type: If no response, enabled: true } ] }
                    imPreferences: { statusCallInfo: false, voicemailOnDnd: true }
                    speedDial: { groupSpeedDial: false, buttons: [ { number: "200", label: Reception, blf: true } ] }
                    phonebook:
                      - { number: "300", firstName: John, lastName: Smith }
                      - { number: "301", firstName: Jane, lastName: Doe }
                """;
        String v2 = v1.replace("lastName: Doe", "lastName: Roe");
        String v3 = v2.replace("""
                      - { number: "301", firstName: Jane, lastName: Roe }
                """, "");
        return new DialectScenario("sipxconfig", """
                    users: { "201": { password: password } }
                    maxUpdatePercent: 100
                """, Map.of(), v1, v2, v3, List.of("Roe"), Map.of(),
                Map.of("group-speed-dial", "speedDial:"));
    }

    static DialectScenario xivoWs() {
        String v1 = """
                target: t
                entities:
                  - { name: xivo, displayname: XiVO }
                  - { name: proformatique, displayname: Proformatique }
                lines:
                  - { context: default, number: "4000", protocol: sip, name: reh58f, secret: "${file:secrets/s}" }
                  - { context: default, number: "4001", protocol: sip, name: k2lq7z, secret: "${file:secrets/s}" }
                users:
                  - { entity: proformatique, firstname: John, lastname: Doe, lines: [ default/4000 ] }
                  - { entity: proformatique, firstname: Jane, lastname: Roe, lines: [ default/4001 ] }
                pickups:
                  - { name: accueil, description: Front desk, members: [ { user: default/4000 } ] }
                """;
        String v2 = v1.replace("firstname: Jane", "firstname: Janet");
        String v3 = """
                target: t
                entities:
                  - { name: xivo, displayname: XiVO }
                  - { name: proformatique, displayname: Proformatique }
                lines:
                  - { context: default, number: "4000", protocol: sip, name: reh58f, secret: "${file:secrets/s}" }
                users:
                  - { entity: proformatique, firstname: John, lastname: Doe, lines: [ default/4000 ] }
                """;
        return new DialectScenario("xivo-ws", """
                    auth: { login: admin, password: admin }
                    maxUpdatePercent: 100
                """, Map.of(), v1, v2, v3, List.of("accueil", "k2lq7z", "Janet"), Map.of(), Map.of());
    }

    static DialectScenario gws() {
        String v1 = """
                target: t
                users:
                  - { userName: ksippo, firstName: Kristi, lastName: Sippola, roles: [ROLE_AGENT], password: "${file:secrets/s}" }
                  - { userName: mlaine, firstName: Mikko, lastName: Laine, roles: [ROLE_AGENT, ROLE_SUPERVISOR], password: "${file:secrets/s}" }
                """;
        String v2 = v1.replace("lastName: Laine", "lastName: Laine-Virtanen");
        String v3 = """
                target: t
                users:
                  - { userName: ksippo, firstName: Kristi, lastName: Sippola, roles: [ROLE_AGENT], password: "${file:secrets/s}" }
                """;
        return new DialectScenario("gws", """
                    auth: { username: admin, password: admin }
                """, Map.of(), v1, v2, v3, List.of("mlaine"), Map.of(), Map.of());
    }
}
