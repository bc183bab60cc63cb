package dev.centaur.crowd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.GetItemResultRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The annotator page end to end in Debian's headless Chromium: sign in with the token, answer one
 * item with a key and one with a click, and read the answers back over gRPC. Needs the packages
 * chromium and chromium-driver; without them the test fails (it never passes by skipping).
 */
@QuarkusTest
class AnnotatePageTest extends CrowdTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/annotate/")
    URL page;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER);
        profile = Files.createTempDirectory("crowd-annotate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void anAnnotatorSignsInAndLabelsItemsWithAKeyAndAClick() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 1, "pos", "neg").setAggregationMethod("MV"));
        enqueueTexts(projectId, "first", "second");
        TestAnnotator ann = registerAnnotator("ann");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys(ann.token());
        browser.findElement(By.id("project")).sendKeys(projectId);
        browser.findElement(By.id("start")).click();

        wait.until(ExpectedConditions.textToBe(By.id("single"), "text of first"));
        assertEquals("Pick the label", browser.findElement(By.id("instructions")).getText());
        new Actions(browser).sendKeys("2").perform();
        wait.until(ExpectedConditions.textToBe(By.id("single"), "text of second"));
        browser.findElement(By.cssSelector("#labels button[data-label='pos']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        awaitEvaluated(projectId);

        assertEquals("neg", result(projectId, "first"));
        assertEquals("pos", result(projectId, "second"));
    }

    @Test
    void aWrongTokenIsShownAsAnError() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "pos", "neg");

        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.id("project")).sendKeys(projectId);
        browser.findElement(By.id("start")).click();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "belongs to no annotator"));
        assertEquals(0, db.assignments(projectId));
    }

    private String result(String projectId, String itemId) {
        return crowd.getItemResult(GetItemResultRequest.newBuilder().setProjectId(projectId).setItemId(itemId).build())
                .getLabel();
    }
}
