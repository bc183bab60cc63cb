package dev.centaur.qc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.ListCorrectionsRequest;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The expert review page end to end in Debian's headless Chromium ({@link HeadlessChromium}): an
 * expert answers two items with the keyboard alone, and the answers are read back over gRPC.
 */
@QuarkusTest
class ReviewPageTest {

    /** Generous: the page answers in milliseconds, but the test machine may be busy. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @TestHTTPResource("/review/")
    URL page;

    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = new HeadlessChromium();
        browser = chromium.browser();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void expertReviewsTwoItemsWithTheKeyboardAndTheAnswersAreStored() {
        String project = "qc-test-" + UUID.randomUUID().toString().substring(0, 13);
        qc.offer(OfferRequest.newBuilder().setProjectId(project).setQcRate(1.0)
                .addAllLabels(List.of("positive", "negative", "neutral"))
                .addLabelsOffered(OfferedLabel.newBuilder().setItemId("single-1")
                        .setContent(ItemContent.newBuilder().setText("The battery lasts all week."))
                        .setLabel("positive").setSource(LabelSource.LABEL_SOURCE_MODEL).setModelVersion("m1"))
                .addLabelsOffered(OfferedLabel.newBuilder().setItemId("pair-2")
                        .setContent(ItemContent.newBuilder().setTextA("Acme phone X, 64 GB").setTextB("Acme X 64GB phone"))
                        .setLabel("negative").setSource(LabelSource.LABEL_SOURCE_CROWD).setModelVersion("m1"))
                .build());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        browser.get(page.toString());
        browser.findElement(By.id("expert-id")).sendKeys("page-expert");
        browser.findElement(By.id("project-id")).sendKeys(project, Keys.ENTER);

        // First item: a single text, labels as numbered, labelled buttons; final label hidden.
        wait.until(ExpectedConditions.textToBe(By.id("item-id"), "single-1"));
        assertEquals("The battery lasts all week.", browser.findElement(By.id("text")).getText());
        List<WebElement> buttons = browser.findElements(By.cssSelector("#labels button"));
        assertEquals(List.of("Label 1: positive", "Label 2: negative", "Label 3: neutral"),
                buttons.stream().map(b -> b.getAttribute("aria-label")).toList());
        assertEquals("", browser.findElement(By.id("feedback")).getText());
        assertTrue(!browser.getPageSource().contains("MODEL"), "the source must stay hidden until the answer");

        press("1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback"),
                "Final label was positive (MODEL) \u2014 you agreed"));
        press("n");

        // Second item: the two texts side by side.
        wait.until(ExpectedConditions.textToBe(By.id("item-id"), "pair-2"));
        WebElement left = browser.findElement(By.id("text-a"));
        WebElement right = browser.findElement(By.id("text-b"));
        assertEquals("Acme phone X, 64 GB", left.getText());
        assertEquals("Acme X 64GB phone", right.getText());
        assertTrue(left.getRect().getX() < right.getRect().getX(), "text A should stand left of text B");
        assertEquals(left.getRect().getY(), right.getRect().getY(), "texts A and B should stand side by side");

        press("3");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback"),
                "Final label was negative (CROWD) \u2014 you disagreed"));
        press(Keys.ENTER.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty")));

        GetAccuracyResponse report = qc.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
        assertEquals(2, report.getReviewed());
        assertEquals(1, report.getOverall().getCorrect());
        assertEquals("neutral", qc.listCorrections(ListCorrectionsRequest.newBuilder().setProjectId(project).build())
                .getCorrections(0).getCorrectedLabel());
    }

    /** Types into whatever has the focus, as a person at the keyboard would. */
    private void press(String keys) {
        new Actions(browser).sendKeys(keys).perform();
    }
}
