package dev.switchboard.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ci/switchboard-ci as a pipeline runs it: the packaged application through the image's launcher
 * (deploy/bin/switchboard), the quickstart's embedded simulators as servers, and WireMock as the GitHub
 * and GitLab APIs that receive the sticky plan comment (exact requests pinned).
 */
class CiScriptIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = "<!-- switchboard-plan dir=. -->";

    @TempDir
    Path temp;

    private WireMockServer api;
    private Path repo;

    @BeforeEach
    void start() throws IOException {
        api = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        repo = temp.resolve("desired");
        DeployFiles.copyTree(Path.of("examples/quickstart"), repo);
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private ScriptRun ci(Map<String, String> environment, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "SWITCHBOARD", Path.of("deploy/bin/switchboard").toAbsolutePath().toString(),
                "SWITCHBOARD_APP", Path.of("target/quarkus-app").toAbsolutePath().toString()));
        env.putAll(environment);
        List<String> command = new java.util.ArrayList<>(List.of("bash", Path.of("deploy/ci/switchboard-ci").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return ScriptRun.of(repo, env, command.toArray(String[]::new));
    }

    private Map<String, String> github() {
        return Map.of("GITHUB_ACTIONS", "true", "SWITCHBOARD_PR", "7", "GITHUB_REPOSITORY", "acme/telephony",
                "GITHUB_API_URL", api.baseUrl(), "GITHUB_TOKEN", "gh-test-token", "GITHUB_SERVER_URL", "https://github.example",
                "GITHUB_RUN_ID", "99", "GITHUB_SHA", "0123abc");
    }

    private String postedBody(LoggedRequest request) throws IOException {
        return JSON.readTree(request.getBodyAsString()).get("body").asText();
    }

    @Test
    void plansIntoOneStickyCommentCutUnderTheLimitThenAppliesExactlyThatPlan() throws Exception {
        api.stubFor(get(urlEqualTo("/repos/acme/telephony/issues/7/comments?per_page=100&page=1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "[{\"id\": 11, \"body\": \"Looks good\"}, {\"id\": 42, \"body\": \"" + MARKER + "\\nan older plan\"}]")));
        api.stubFor(patch(urlEqualTo("/repos/acme/telephony/issues/comments/42")).willReturn(aResponse().withBody("{}")));
        Map<String, String> env = new HashMap<>(github());
        env.put("SWITCHBOARD_COMMENT_LIMIT", "4000");
        env.put("GITHUB_STEP_SUMMARY", temp.resolve("summary.md").toString());

        ScriptRun plan = ci(env, "plan");

        assertThat(plan.exitCode()).as(plan.output()).isZero();
        Path planDir = repo.resolve("switchboard-plan");
        assertThat(Files.readString(planDir.resolve("changes")).strip()).isEqualTo("present");
        assertThat(Files.readString(temp.resolve("summary.md"))).contains("Plan: 29 to create, 10 to update, 0 to delete, 4 unmanaged.");
        // Updated in place: no second comment, the token sent as GitHub wants it.
        assertThat(api.findAll(postRequestedFor(anyUrl()))).isEmpty();
        List<LoggedRequest> patches = api.findAll(patchRequestedFor(urlEqualTo("/repos/acme/telephony/issues/comments/42"))
                .withHeader("Authorization", equalTo("Bearer gh-test-token")));
        assertThat(patches).hasSize(1);
        String comment = postedBody(patches.get(0));
        assertThat(comment).startsWith(MARKER).contains("Planned at commit 0123abc").contains("olx-main")
                .contains("it is cut here").contains("https://github.example/acme/telephony/actions/runs/99");
        assertThat(comment.length()).isLessThanOrEqualTo(4000);
        assertThat(comment.lines().filter(line -> line.startsWith("```")).count() % 2).as("code blocks closed").isZero();
        for (String secret : DeployFiles.quickstartSecretValues()) {
            assertThat(comment).doesNotContain(secret);
            assertThat(Files.readString(planDir.resolve("plan.json"))).doesNotContain(secret);
        }

        ScriptRun apply = ci(Map.of(), "apply", "switchboard-plan/plan.json");

        assertThat(apply.exitCode()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("Apply complete: 39 applied, 0 failed");
        assertThat(Files.readString(repo.resolve(".switchboard/sim/olx-main.json"))).contains("alice@acme.example");
    }

    @Test
    void findsItsNoteOnALaterPageOfAMergeRequestOrPostsTheFirstOne() throws Exception {
        Path planDir = Files.createDirectories(repo.resolve("switchboard-plan"));
        Files.writeString(planDir.resolve("comment.md"), MARKER + "\n### Switchboard plan\n\nNo changes.\n");
        ArrayNode page1 = JSON.createArrayNode();
        for (int i = 1; i <= 100; i++) {
            page1.addObject().put("id", i).put("body", "review note " + i);
        }
        String notes = "/api/v4/projects/12/merge_requests/3/notes";
        api.stubFor(get(urlEqualTo(notes + "?per_page=100&page=1")).willReturn(aResponse().withBody(page1.toString())));
        api.stubFor(get(urlEqualTo(notes + "?per_page=100&page=2")).willReturn(aResponse().withBody(
                "[{\"id\": 500, \"body\": \"" + MARKER + "\\nold\"}]")));
        api.stubFor(put(urlEqualTo(notes + "/500")).willReturn(aResponse().withBody("{}")));
        Map<String, String> gitlab = Map.of("CI_MERGE_REQUEST_IID", "3", "CI_PROJECT_ID", "12",
                "CI_API_V4_URL", api.baseUrl() + "/api/v4", "SWITCHBOARD_GITLAB_TOKEN", "gl-test-token");

        ScriptRun update = ci(gitlab, "comment");

        assertThat(update.exitCode()).as(update.output()).isZero();
        List<LoggedRequest> puts = api.findAll(putRequestedFor(urlEqualTo(notes + "/500"))
                .withHeader("PRIVATE-TOKEN", equalTo("gl-test-token")));
        assertThat(puts).hasSize(1);
        assertThat(postedBody(puts.get(0))).isEqualTo(MARKER + "\n### Switchboard plan\n\nNo changes.\n");

        api.resetAll();
        api.stubFor(get(urlPathEqualTo(notes)).willReturn(aResponse().withBody("[]")));
        api.stubFor(post(urlEqualTo(notes)).willReturn(aResponse().withStatus(201).withBody("{}")));
        ScriptRun first = ci(gitlab, "comment");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(api.findAll(postRequestedFor(urlEqualTo(notes)))).hasSize(1);
        assertThat(api.findAll(putRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aPlanThatApplyWouldRefuseFailsTheJobAfterSayingHowAPersonAcceptsIt() throws Exception {
        // A stand-in for switchboard that answers as a refused plan does (exit 1 with a plan on stdout) and
        // records its arguments: it is the script's handling under test here, not the gate.
        Path fake = temp.resolve("refusing-switchboard");
        Files.writeString(fake, """
                #!/bin/sh
                echo "$@" > "$(dirname "$0")/arguments"
                echo '### Switchboard plan'
                echo 'apply would refuse this plan: 12 deletes exceed maxDeletePercent 10'
                [ "${SWITCHBOARD_ACCEPT_REFUSED:-}" = true ] && exit 2
                exit 1
                """);
        fake.toFile().setExecutable(true);
        Map<String, String> env = Map.of("SWITCHBOARD", fake.toString(), "SWITCHBOARD_COMMENT", "file");

        ScriptRun refused = ci(env, "plan");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("the plan cannot be applied as it is");
        String comment = Files.readString(repo.resolve("switchboard-plan/comment.md"));
        assertThat(comment).startsWith(MARKER).contains("This plan cannot be applied as it is")
                .contains("switchboard:accept-refused-plan").contains("12 deletes exceed");
        assertThat(Files.readString(temp.resolve("arguments"))).doesNotContain("--force");

        Map<String, String> accepted = new HashMap<>(env);
        accepted.put("SWITCHBOARD_ACCEPT_REFUSED", "true");
        ScriptRun acceptedRun = ci(accepted, "plan");

        assertThat(acceptedRun.exitCode()).as(acceptedRun.output()).isZero();
        assertThat(Files.readString(temp.resolve("arguments")))
                .contains("plan -c . -o markdown --out switchboard-plan/plan.json --detailed-exitcode --force");
        assertThat(Files.readString(repo.resolve("switchboard-plan/comment.md"))).contains("**Accepted**");

        ScriptRun typo = ci(Map.of("SWITCHBOARD_ACCEPT_REFUSED", "ture", "SWITCHBOARD", fake.toString()), "plan");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.output()).contains("SWITCHBOARD_ACCEPT_REFUSED is true or false, not 'ture'");
    }

    @Test
    void appliesOnlyAReviewedPlanFileAndSkipsOneWithoutChanges() throws Exception {
        Map<String, String> never = Map.of("SWITCHBOARD", "false");   // would fail the job if it ran
        ScriptRun missing = ci(never, "apply", "switchboard-plan/plan.json");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.output()).contains("no plan file switchboard-plan/plan.json: apply only a plan that was reviewed");
        ScriptRun replan = ci(never, "apply");
        assertThat(replan.exitCode()).isEqualTo(1);
        assertThat(replan.output()).contains("usage: switchboard-ci apply PLANFILE");

        Path planDir = Files.createDirectories(repo.resolve("switchboard-plan"));
        Files.writeString(planDir.resolve("plan.json"), "{}");
        Files.writeString(planDir.resolve("changes"), "none\n");
        ScriptRun nothing = ci(never, "apply", "switchboard-plan/plan.json");
        assertThat(nothing.exitCode()).as(nothing.output()).isZero();
        assertThat(nothing.output()).contains("nothing to apply");
        assertThat(api.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
