package dev.switchboard.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.plan.Plan;
import dev.switchboard.render.TextRenderer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The status page at {@code /} in a real browser: Debian's chromium, headless, driven by its chromedriver
 * through Selenium. The daemon is {@link DriftModeDaemonTest}'s (same profile, so the same application
 * when the two run one after the other); the test leaves it as it found it. A screenshot of the page is
 * kept in {@code target/status-page.png}. Without chromedriver the test fails, saying how to install it;
 * {@code -Dbrowser.required=false} skips it instead.
 */
@QuarkusTest
@TestProfile(DriftModeDaemonTest.DriftMode.class)
class StatusPageBrowserTest {

    /** Commit message and administrator name with markup: the page must show them as text. */
    private static final String MESSAGE = "Rename <b id=\"injected\">ops</b> & \"team\" <script>document.title='owned'</script>";
    private static final String NAME = "Ops <i>team</i> & co";

    private static WebDriver browser;

    DaemonFixture fixture;

    @Inject
    Daemon daemon;

    @Inject
    StatusBoard board;

    @TestHTTPResource("/")
    URI root;

    @BeforeAll
    static void startTheBrowser() {
        Path driver = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(driver)) {
            String missing = "no chromedriver at " + driver + ": apt-get install chromium chromium-driver (Debian), "
                    + "or set -Dwebdriver.chrome.driver=PATH";
            if ("false".equals(System.getProperty("browser.required"))) {
                // An aborted @BeforeAll shows as no test at all in Maven's summary: say it where it is seen.
                String skipped = "StatusPageBrowserTest skipped (-Dbrowser.required=false): " + missing;
                System.err.println(skipped);
                Assumptions.abort(skipped);
            }
            throw new AssertionError(missing + "; -Dbrowser.required=false skips this test instead");
        }
        ChromeOptions options = new ChromeOptions();
        Path chromium = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(chromium)) {
            options.setBinary(chromium.toString());
        }
        // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void awaitTheFirstCommitsDrift() {
        fixture.root = root;
        fixture.awaitDriftAtHead();
    }

    @AfterEach
    void putBackTheFirstCommit() {
        fixture.putBackDriftBaseline(daemon);
    }

    @Test
    void showsEveryTargetAndItsPlanEscapedAndTheNewStateOnReload() throws Exception {
        browser.get(root.toString());
        assertThat(browser.getTitle()).isEqualTo("Switchboard: drift mode");
        WebElement olx = browser.findElement(By.id("target-olx-main"));
        assertThat(olx.findElement(By.className("result")).getText()).isEqualTo("drift");
        assertThat(olx.findElement(By.className("commit")).getText()).isEqualTo(fixture.head().substring(0, 12));
        assertThat(olx.findElement(By.className("drift")).getText()).contains("company: 1").contains("mailbox: 1");
        assertThat(olx.findElement(By.className("next-run")).getText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        String commit = fixture.commitEdit("xci/paris.yaml", "name: Ops team", "name: \"" + NAME + "\"", MESSAGE);
        fixture.awaitStatus("xci-paris at " + commit,
                s -> fixture.target(s, "xci-paris").path("commit").asText().equals(commit));
        browser.navigate().refresh();

        assertThat(browser.getTitle()).as("no script of the commit message ran").isEqualTo("Switchboard: drift mode");
        assertThat(browser.findElements(By.id("injected"))).as("no markup of the commit message made an element").isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.tagName("i"))).isEmpty();
        assertThat(browser.findElement(By.id("last-fetch")).getText()).contains(commit).contains(MESSAGE);
        WebElement xci = browser.findElement(By.id("target-xci-paris"));
        assertThat(xci.findElement(By.className("commit")).getText()).isEqualTo(commit.substring(0, 12));
        assertThat(xci.findElement(By.className("drift")).getText()).contains("administrator: 1").contains("xivo: 1");
        Path screenshot = Path.of("target/status-page.png");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(screenshot)).isGreaterThan(1000);
        xci.findElement(By.linkText("xci-paris")).click();
        String plan = browser.findElement(By.cssSelector("#plan-xci-paris pre")).getText();
        assertThat(plan).contains(NAME);
        String expected = new TextRenderer(false).render(Plan.of(List.of(board.latestPlan("xci-paris").orElseThrow())));
        assertThat(plan).as("the plan as switchboard plan prints it").isEqualTo(expected.strip());

        String source = browser.getPageSource();
        assertThat(source).doesNotContain(GitRepoWithSimulators.WEBHOOK_SECRET).doesNotContain(GitRepoWithSimulators.API_TOKEN);
        JsonNode status = fixture.getJson("/api/v1/status");
        assertThat(browser.findElements(By.cssSelector("#targets tbody tr"))).hasSize(status.path("targets").size());
    }
}
