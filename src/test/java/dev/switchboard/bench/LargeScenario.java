package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The "large" benchmark scenario of {@code bench/large}, not run by the test suite.
 *
 * <ul>
 *   <li>{@code generate DIR SCALE URL}: writes a configuration repository to DIR: 20 Officelinx companies
 *       (4 departments and 4 feature groups each) with 10,000 x SCALE mailboxes of 2 addresses, and one
 *       XCI target with 10 XiVOs, 5 templates (each for two XiVOs), 20 entities, 10,000 x SCALE users and
 *       an administrator: 40,216 objects at scale 1, whose no-change plan makes the 10,490
 *       requests. Both targets point at URL (one {@code switchboard sim}).</li>
 *   <li>{@code sequential URL}: the calls a no-change plan makes, made as a simple script would: one
 *       connection, one request at a time. Prints {@code seconds requests}.</li>
 *   <li>{@code concurrent URL PARALLELISM}: the same calls, each target's PARALLELISM at a time, as a script
 *       with a pool of threads would make them: what a client that does nothing but these calls takes against
 *       this simulator on this machine. Prints {@code seconds requests}.</li>
 * </ul>
 */
public final class LargeScenario {

    static final int COMPANIES = 20;
    /** 10 XiVOs of 2 entities: a simulated XiVO has 1,000 user slots, so 10,000 users need 10 of them. */
    static final int XIVOS = 10;
    static final int ENTITIES_PER_XIVO = 2;
    static final String[] FIRST = {"Ada", "Alan", "Grace", "Edsger", "Barbara", "Ken", "Radia", "Donald", "Frances",
        "Leslie"};
    static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Thompson", "Perlman", "Knuth",
        "Allen", "Lamport"};

    private LargeScenario() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "generate" -> generate(Path.of(args[1]), Double.parseDouble(args[2]), args[3]);
            case "sequential" -> calls(args[1], 1);
            case "concurrent" -> calls(args[1], Integer.parseInt(args[2]));
            default -> {
                System.err.println("usage: LargeScenario generate DIR SCALE URL | sequential URL | concurrent URL PARALLELISM");
                System.exit(2);
            }
        }
    }

    static void generate(Path dir, double scale, String url) throws IOException {
        int mailboxesPerCompany = Math.max(1, (int) Math.round(500 * scale));
        int usersPerEntity = Math.max(1, (int) Math.round(500 * scale));
        Files.createDirectories(dir.resolve("officelinx"));
        Files.createDirectories(dir.resolve("xci"));
        Files.writeString(dir.resolve("switchboard.yaml"), """
                apiVersion: switchboard/v1
                settings:
                  parallelism: 16
                  maxDeletePercent: 100
                  maxUpdatePercent: 100
                targets:
                  olx:
                    kind: officelinx
                    url: %1$s
                    pbx: 1
                    auth:
                      clientId: ${env:OLX_CLIENT_ID}
                      clientSecret: ${env:OLX_CLIENT_SECRET}
                      username: ${env:OLX_USER}
                      password: ${env:OLX_PASSWORD}
                    prune: false
                  xci:
                    kind: xci
                    url: %1$s
                    auth:
                      login: ${env:XCI_LOGIN}
                      password: ${env:XCI_PASSWORD}
                    prune: false
                """.formatted(url));
        try (Writer out = Files.newBufferedWriter(dir.resolve("officelinx/companies.yaml"))) {
            out.write("target: olx\ncompanies:\n");
            for (int c = 1; c <= COMPANIES; c++) {
                out.write("  - name: Company " + c + "\n    pbx: 1\n    departments:\n");
                for (int d = 1; d <= 4; d++) {
                    out.write("      - name: Department " + d + "\n");
                }
                out.write("    featureGroups:\n");
                for (int g = 1; g <= 4; g++) {
                    out.write("      - { number: " + (g * 10) + ", name: Group " + g + " }\n");
                }
                out.write("    mailboxes:\n");
                for (int m = 0; m < mailboxesPerCompany; m++) {
                    String number = String.valueOf(100_000 * c + m);
                    String first = FIRST[m % FIRST.length];
                    String last = LAST[(m / FIRST.length) % LAST.length];
                    out.write("      - number: \"" + number + "\"\n");
                    out.write("        userName: " + first.toLowerCase() + "." + last.toLowerCase() + "." + number
                            + "@company" + c + ".example\n");
                    out.write("        firstName: " + first + "\n        lastName: " + last + "\n");
                    out.write("        featureGroup: " + ((m % 4 + 1) * 10) + "\n");
                    out.write("        department: Department " + (m % 4 + 1) + "\n");
                    out.write("        addresses:\n");
                    out.write("          - { type: 0, address: \"" + number + "\" }\n");
                    out.write("          - { type: 1, address: \"+1555" + number + "\" }\n");
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("xci/xivos.yaml"))) {
            out.write("target: xci\nxivos:\n");
            for (int x = 1; x <= XIVOS; x++) {
                out.write("  - { name: xivo-" + x + ", host: 10.0." + x + ".220 }\n");
            }
            out.write("templates:\n");
            for (int t = 1; t <= XIVOS / 2; t++) {
                int first = 2 * t - 1;
                int second = 2 * t;
                out.write("  - name: Line " + t + "\n    xivos: [xivo-" + first + ", xivo-" + second + "]\n    entities: [");
                boolean comma = false;
                for (int x : new int[] {first, second}) {
                    for (int e = 1; e <= ENTITIES_PER_XIVO; e++) {
                        out.write((comma ? ", " : "") + "entity-" + x + "-" + e + "@xivo-" + x);
                        comma = true;
                    }
                }
                out.write("]\n    peerSipName: auto\n    ringingTime: 30\n    routedInbound: false\n"
                        + "    callerIdMode: anonymous\n    voiceMailEnabled: false\n");
            }
            out.write("entities:\n");
            for (int x = 1; x <= XIVOS; x++) {
                for (int e = 1; e <= ENTITIES_PER_XIVO; e++) {
                    int base = 10_000 * e;
                    out.write("  - name: entity-" + x + "-" + e + "\n    xivo: xivo-" + x + "\n");
                    out.write("    displayName: Entity " + x + "." + e + "\n");
                    out.write("    intervals: [ { start: \"" + base + "\", end: \"" + (base + 9_999) + "\" } ]\n");
                    out.write("    presentedNumber: inbNo\n    users:\n");
                    for (int u = 0; u < usersPerEntity; u++) {
                        out.write("      - { internalNumber: \"" + (base + u) + "\", firstName: " + FIRST[u % FIRST.length]
                                + ", lastName: " + LAST[(u / FIRST.length) % LAST.length] + ", template: Line " + ((x + 1) / 2) + " }\n");
                    }
                }
            }
            out.write("administrators:\n  - { login: noc, name: Network operations, superAdmin: true, ldap: true }\n");
        }
    }

    /**
     * The calls a no-change plan makes, each target's {@code parallelism} at a time: with 1, one connection and one
     * request at a time, Officelinx then XCI, as a simple script would; with more, the targets at once, each on
     * that many threads of its own making blocking calls, every read started as soon as the read it needs has
     * answered (a company's mailbox pages one after another, as paging is, and each page's address lists at once).
     * Prints {@code seconds requests}.
     */
    static void calls(String url, int parallelism) throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        AtomicInteger requests = new AtomicInteger();
        long start = System.nanoTime();
        try (Reads olx = new Reads(parallelism); Reads xci = new Reads(parallelism)) {
            Client client = new Client(http, json, requests);
            olx.submit(() -> officelinx(url, client, olx));
            xci.submit(() -> xci(url, client, xci));
            olx.await();
            xci.await();
        }
        System.out.printf("%.3f %d%n", (System.nanoTime() - start) / 1e9, requests.get());
    }

    /** Token, companies, per company departments, feature groups and mailbox pages, per mailbox addresses. */
    private static Void officelinx(String url, Client client, Reads reads) throws Exception {
        String form = "grant_type=password&client_id=" + env("OLX_CLIENT_ID") + "&client_secret=" + env("OLX_CLIENT_SECRET")
                + "&username=" + URLEncoder.encode(env("OLX_USER"), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(env("OLX_PASSWORD"), StandardCharsets.UTF_8);
        JsonNode token = client.json.readTree(client.send(HttpRequest.newBuilder(URI.create(url + "/UCOAuth2/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
        String bearer = "Bearer " + token.path("access_token").asText();
        String api = url + "/UCBusinessRest/api/";
        for (JsonNode company : client.getJson(api + "EEAMCompanies?pbxid=1", bearer)) {
            long id = company.path("CompanyID").asLong();
            reads.submit(() -> client.getJson(api + "EEAMDepartments?companyid=" + id, bearer));
            reads.submit(() -> client.getJson(api + "EEAMFGroups?companyid=" + id, bearer));
            reads.submit(() -> mailboxPage(client, reads, api, bearer, id, 1, 0));
        }
        return null;
    }

    /** A company's mailbox page, then (once it is known not to be the last) the next one; then its addresses. */
    private static Object mailboxPage(Client client, Reads reads, String api, String bearer, long company, int page,
                                      int pageSize) throws Exception {
        JsonNode records = client.getJson(api + "EEAMMailboxes?companyid=" + company + "&page=" + page, bearer);
        int size = Math.max(pageSize, records.size());
        if (records.size() > 0 && records.size() >= size) {
            reads.submit(() -> mailboxPage(client, reads, api, bearer, company, page + 1, size));
        }
        for (JsonNode mailbox : records) {
            long id = mailbox.path("MailboxID").asLong();
            reads.submit(() -> client.getJson(api + "EEAMMailboxAddresses?mailboxid=" + id, bearer));
        }
        return records;
    }

    /** Login, the four lists, every entity's users. */
    private static Void xci(String url, Client client, Reads reads) throws Exception {
        String xci = url + "/api/1.0";
        client.send(HttpRequest.newBuilder(URI.create(xci + "/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.json.createObjectNode().put("login", env("XCI_LOGIN"))
                        .put("password", env("XCI_PASSWORD")).toString())).build());
        reads.submit(() -> client.getJson(xci + "/xivo", null));
        reads.submit(() -> client.getJson(xci + "/templates", null));
        reads.submit(() -> client.getJson(xci + "/administrators", null));
        for (JsonNode entity : client.getJson(xci + "/entities", null)) {
            reads.submit(() -> client.getJson(xci + "/entities/" + entity.path("combinedId").asText() + "/users", null));
        }
        return null;
    }

    /** A target's reads: run at once on the calling thread (parallelism 1), or on a pool of that many threads. */
    private static final class Reads implements AutoCloseable {
        private final ExecutorService pool;
        private final Queue<Future<?>> started = new ConcurrentLinkedQueue<>();

        Reads(int parallelism) {
            this.pool = parallelism == 1 ? null : Executors.newFixedThreadPool(parallelism);
        }

        void submit(Callable<?> read) throws Exception {
            if (pool == null) {
                read.call();
            } else {
                started.add(pool.submit(read));
            }
        }

        /** Waits for every read, those the reads started included: a read queues what it starts before it ends. */
        void await() throws Exception {
            for (Future<?> read = started.poll(); read != null; read = started.poll()) {
                read.get();
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** One HTTP client shared by the reads, and the count of requests they made. */
    private record Client(HttpClient http, ObjectMapper json, AtomicInteger requests) {

        JsonNode getJson(String uri, String bearer) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
            if (bearer != null) {
                request.header("Authorization", bearer);
            }
            String body = send(request.build());
            JsonNode node = body.isEmpty() ? json.createArrayNode() : json.readTree(body);
            if (node.isObject()) {
                // a list answered inside an envelope ({"items": [...]}) or a lone record
                for (String field : List.of("items", "data", "result")) {
                    if (node.path(field).isArray()) {
                        return node.get(field);
                    }
                }
            }
            return node;
        }

        String send(HttpRequest request) throws Exception {
            requests.incrementAndGet();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400 && response.statusCode() != 404) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode()
                        + ": " + response.body());
            }
            return response.statusCode() == 404 ? "" : response.body();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException("set " + name);
        }
        return value;
    }
}
