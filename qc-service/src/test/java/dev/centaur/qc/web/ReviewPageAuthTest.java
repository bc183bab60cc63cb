package dev.centaur.qc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.Roles;
import dev.centaur.qc.grpc.AuthProfile;
import dev.centaur.qc.grpc.FakeRouter;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page with auth on, in headless Chromium: a token router does not know is told so on
 * the page; the expert's own token, with the expert id left empty, leases and answers as the
 * token's holder.
 */
@QuarkusTest
@TestProfile(AuthProfile.class)
class ReviewPageAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @TestHTTPResource("/review/")
    URL page;

    @Inject
    DataSource dataSource;

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
    void anExpertReviewsWithTheirTokenAndAnUnknownTokenIsToldSo() throws SQLException {
        String project = "qc-test-" + UUID.randomUUID().toString().substring(0, 13);
        Metadata service = new Metadata();
        service.put(Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER),
                BearerTokens.header(AuthProfile.SERVICE_TOKEN));
        qc.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(service)).offer(OfferRequest.newBuilder()
                .setProjectId(project).setQcRate(1.0).addAllLabels(List.of("positive", "negative"))
                .addLabelsOffered(OfferedLabel.newBuilder().setItemId("single-1")
                        .setContent(ItemContent.newBuilder().setText("The battery lasts all week."))
                        .setLabel("positive").setSource(LabelSource.LABEL_SOURCE_MODEL).setModelVersion("m1"))
                .build());
        String token = "ctk_" + UUID.randomUUID();
        FakeRouter.issue(token, Roles.EXPERT, "page-erin");
        WebDriverWait wait = new WebDriverWait(browser, WAIT);

        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys("ctk_never-issued");
        browser.findElement(By.id("project-id")).sendKeys(project, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"),
                "Your review token is missing, unknown or revoked"));

        browser.get(page.toString());
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("project-id")).sendKeys(project, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("item-id"), "single-1"));
        new Actions(browser).sendKeys("1").perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback"),
                "Final label was positive (MODEL) \u2014 you agreed"));

        assertEquals(List.of("page-erin"), expertsOf(project));
    }

    private List<String> expertsOf(String project) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT expert_id FROM qc.review WHERE project_id = ? AND answered_at IS NOT NULL")) {
            statement.setString(1, project);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> experts = new java.util.ArrayList<>();
                while (rows.next()) {
                    experts.add(rows.getString(1));
                }
                return experts;
            }
        }
    }
}
