package dev.dealeval.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI works for an analyst, proven in a real browser (headless Chromium driven by Selenium):
 * GET / lands on Swagger UI, the Authorize button takes the editor's API key, and "Try it out" sends
 * an evaluation, a profile write and a search from the document's own examples and shows their
 * answers. Debian's {@code chromium} and {@code chromium-driver} packages are the browser; without
 * them the test is skipped, never passed. On a failure the screenshot and the page source are kept
 * under target/browser/, named after the test method.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwaggerUiBrowserTest extends ApiTestSupport {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTEFACTS = Path.of("target", "browser");
    /** Page loads, clicks and the evaluation's and the profile's answers. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The default deal space's search: over a million bundles on a 2-core machine. */
    private static final Duration SEARCH_WAIT = Duration.ofSeconds(120);

    private static final String SKIPPED = "skipped: Swagger UI's browser test needs " + CHROMIUM + " and "
            + CHROMEDRIVER + "; install them with: apt-get install chromium chromium-driver";

    private static boolean skipReported;
    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL root;

    /**
     * Skips each test (reported as skipped, with the reason) when the browser is missing; starts one
     * browser for the class on the first test.
     */
    @BeforeEach
    void browser() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && !skipReported) {
            skipReported = true;
            System.err.println("SwaggerUiBrowserTest: " + SKIPPED);
        }
        assumeTrue(present, SKIPPED);
        if (driver == null) {
            startBrowser();
        }
    }

    private static void startBrowser() throws Exception {
        Files.createDirectories(ARTEFACTS);
        // A fresh profile for each run, removed when the class ends.
        profile = Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "chromium-profiles")), "swagger-ui-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: no background connections (they would be refused and retried).
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1800",
                "--user-data-dir=" + profile.toAbsolutePath());
        // The system chromedriver, given explicitly: Selenium Manager never looks for (or downloads) one.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(ARTEFACTS.resolve("chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void quitBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            if (profile != null) {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                } catch (java.io.IOException e) {
                    // left under target/, removed by mvn clean
                }
                profile = null;
            }
        }
    }

    @Test
    @Order(1)
    void theRootLandsOnSwaggerUiWithAnAuthorizeButton(TestInfo test) {
        inBrowser(test, () -> {
            driver.get(url("/"));
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/q/swagger-ui/"));
            waitVisible(By.cssSelector(".swagger-ui .info .title"));
            assertTrue(
                    driver.findElement(By.cssSelector(".swagger-ui .info .title"))
                            .getText()
                            .contains("dealeval"),
                    "Swagger UI shows the document's title");
            WebElement authorize = waitVisible(By.cssSelector(".swagger-ui .auth-wrapper .btn.authorize"));
            assertTrue(authorize.getText().contains("Authorize"), "the Authorize button: " + authorize.getText());
        });
    }

    @Test
    @Order(2)
    void anEvaluationFromItsExampleAnswers201WithAVerdict(TestInfo test) {
        inBrowser(test, () -> {
            openSwaggerUiAndAuthorize();
            WebElement op = tryItOut("evaluateBundle");
            selectExample(op, "genevaTruce");
            JsonNode body = execute(op, 201, WAIT);
            assertTrue(
                    body.path("joint").hasNonNull("verdict"),
                    "the evaluation has a joint verdict: " + body.path("joint"));
            assertTrue(body.hasNonNull("id"), "the evaluation was stored (store defaults to true): " + body.path("id"));
        });
    }

    @Test
    @Order(3)
    void aProfileWriteWithoutTheKeyIsRefused(TestInfo test) {
        inBrowser(test, () -> {
            removeIfPresent("/api/v1/profiles/tariff-hawk");
            openSwaggerUi();
            WebElement op = tryItOut("createProfile");
            selectExample(op, "tariffHawk");
            execute(op, 401, WAIT);
            String curl = op.findElement(By.cssSelector(".curl-command")).getAttribute("textContent");
            assertTrue(!curl.contains("X-API-Key"), "no key was sent: " + curl);
            given().get("/api/v1/profiles/tariff-hawk").then().statusCode(404);
        });
    }

    @Test
    @Order(4)
    void aProfileWriteFromItsExampleIsAuthorizedAndAnswers201(TestInfo test) {
        inBrowser(test, () -> {
            // The example creates the profile tariff-hawk: drop one that an earlier test created.
            removeIfPresent("/api/v1/profiles/tariff-hawk");
            openSwaggerUiAndAuthorize();
            WebElement op = tryItOut("createProfile");
            selectExample(op, "tariffHawk");
            JsonNode body = execute(op, 201, WAIT);
            assertEquals("tariff-hawk", body.path("id").asText(), "the created profile: " + body);
            String curl = op.findElement(By.cssSelector(".curl-command")).getAttribute("textContent");
            assertTrue(curl.contains("X-API-Key: " + EDITOR_KEY), "Swagger UI sent the key it was given: " + curl);
        });
    }

    @Test
    @Order(5)
    void aSearchFromItsExampleAnswers200WithAFrontier(TestInfo test) {
        inBrowser(test, () -> {
            openSwaggerUiAndAuthorize();
            WebElement op = tryItOut("searchDealSpace");
            selectExample(op, "defaultSpace");
            JsonNode body = execute(op, 200, SEARCH_WAIT);
            JsonNode frontier = body.path("frontier");
            assertTrue(frontier.isObject(), "the search has a frontier: " + abbreviate(body.toString()));
            assertTrue(
                    frontier.path("size").asInt() > 0,
                    "the default space has a non-empty frontier: " + frontier.path("size"));
        });
    }

    @Test
    @Order(6)
    void aChartFromItsExampleShowsAsAPicture(TestInfo test) {
        inBrowser(test, () -> {
            openSwaggerUiAndAuthorize();
            WebElement op = tryItOut("chartSearch");
            selectExample(op, "chipsForPurchases");
            click(op.findElement(By.cssSelector("button.execute")));
            // The SVG answer drawn by the svg-charts plugin as an <img>, loaded (a broken picture has no natural
            // width).
            WebElement picture = new WebDriverWait(driver, SEARCH_WAIT).until(d -> {
                var found = op.findElements(By.cssSelector(".live-responses-table img.svg-chart__picture"));
                return found.isEmpty() ? null : found.get(0);
            });
            new WebDriverWait(driver, WAIT)
                    .until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                                            .executeScript(
                                                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;",
                                                    picture))
                                    .intValue()
                            > 0);
            assertTrue(
                    picture.getAttribute("src").startsWith("data:image/svg+xml"),
                    picture.getAttribute("src").substring(0, 40));
            assertEquals(
                    "200",
                    op.findElement(By.cssSelector(".live-responses-table tbody tr.response .response-col_status"))
                            .getText()
                            .trim());
        });
    }

    // --- Swagger UI, as an analyst uses it ---

    /**
     * Swagger UI as on a first visit, not authorized. Swagger UI keeps an authorized key in the page's
     * local storage across page loads; each test clears it when it ends (here too, should one be left).
     */
    private void openSwaggerUi() {
        driver.get(url("/q/swagger-ui/"));
        if (clearStorage()) {
            driver.navigate().refresh();
        }
        waitVisible(By.cssSelector(".swagger-ui .opblock"));
        waitVisible(By.cssSelector(".swagger-ui .auth-wrapper .btn.authorize.unlocked"));
    }

    private void openSwaggerUiAndAuthorize() {
        openSwaggerUi();
        click(By.cssSelector(".swagger-ui .auth-wrapper .btn.authorize"));
        WebElement dialog = waitVisible(By.cssSelector(".swagger-ui .dialog-ux .modal-ux"));
        WebElement key = dialog.findElement(By.cssSelector(".auth-container input"));
        key.sendKeys(EDITOR_KEY);
        click(By.cssSelector(".swagger-ui .dialog-ux .auth-container .auth-btn-wrapper .btn.authorize"));
        // Authorized: the dialog offers Logout, then Close.
        waitVisible(By.xpath("//div[contains(@class,'auth-container')]//button[normalize-space()='Logout']"));
        click(By.cssSelector(".swagger-ui .dialog-ux .btn-done"));
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".swagger-ui .dialog-ux")));
        waitVisible(By.cssSelector(".swagger-ui .auth-wrapper .btn.authorize.locked"));
    }

    /** Opens the operation and presses "Try it out"; returns its block. */
    private WebElement tryItOut(String operationId) {
        By block = By.cssSelector(".swagger-ui .opblock[id^='operations-'][id$='-" + operationId + "']");
        WebElement op = waitVisible(block);
        if (!op.getAttribute("class").contains("is-open")) {
            click(op.findElement(By.cssSelector(".opblock-summary-control")));
        }
        WebElement tryOut = new WebDriverWait(driver, WAIT)
                .until(d -> d.findElement(block).findElement(By.cssSelector(".try-out__btn")));
        click(tryOut);
        new WebDriverWait(driver, WAIT)
                .until(d -> !d.findElement(block)
                        .findElements(By.cssSelector("textarea.body-param__text"))
                        .isEmpty());
        return driver.findElement(block);
    }

    private void selectExample(WebElement op, String example) {
        WebElement select =
                op.findElement(By.cssSelector(".opblock-section-request-body select.examples-select-element"));
        new Select(select).selectByValue(example);
        new WebDriverWait(driver, WAIT)
                .until(d -> new Select(select)
                        .getFirstSelectedOption()
                        .getAttribute("value")
                        .equals(example));
    }

    /** Presses Execute, waits for the live answer and checks its status; returns its body. */
    private JsonNode execute(WebElement op, int status, Duration wait) throws Exception {
        click(op.findElement(By.cssSelector("button.execute")));
        WebElement shown = new WebDriverWait(driver, wait).until(d -> {
            var statuses =
                    op.findElements(By.cssSelector(".live-responses-table tbody tr.response .response-col_status"));
            return statuses.isEmpty() ? null : statuses.get(0);
        });
        String body = op
                .findElements(By.cssSelector(
                        ".live-responses-table tbody tr.response .response-col_description .highlight-code pre"))
                .stream()
                .findFirst()
                .map(e -> e.getAttribute("textContent"))
                .orElse("");
        assertEquals(
                String.valueOf(status),
                shown.getText().trim(),
                "the status Swagger UI shows; body: " + abbreviate(body));
        return body.isBlank() ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(body);
    }

    // --- Plumbing ---

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static WebElement waitVisible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void click(By by) {
        click(new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)));
    }

    private static void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(element))
                .click();
    }

    /** A creating example can be sent again: drop what an earlier test created (as OpenApiExamplesTest does). */
    private static void removeIfPresent(String path) {
        var current = given().get(path);
        if (current.statusCode() == 200) {
            given().header("If-Match", current.header("ETag"))
                    .delete(path)
                    .then()
                    .statusCode(204);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }

    interface BrowserSteps {
        void run() throws Exception;
    }

    /** Runs the steps; on a failure keeps a screenshot and the page source named after the test method. */
    private static void inBrowser(TestInfo test, BrowserSteps steps) {
        try {
            steps.run();
        } catch (Throwable failure) {
            String name = test.getTestMethod().map(m -> m.getName()).orElse(test.getDisplayName());
            Path png = ARTEFACTS.resolve(name + ".png");
            Path html = ARTEFACTS.resolve(name + ".html");
            String kept;
            try {
                Files.createDirectories(ARTEFACTS);
                File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(html, driver.getPageSource(), StandardCharsets.UTF_8);
                kept = "screenshot " + png + ", page source " + html;
            } catch (Exception e) {
                kept = "no screenshot or page source (" + e + ")";
            }
            throw new AssertionError(failure.getMessage() + " [" + kept + ", url " + currentUrl() + "]", failure);
        } finally {
            clearStorage();
        }
    }

    /** Clears the current page's local and session storage; tells whether anything was there. */
    private static boolean clearStorage() {
        try {
            Object had = ((JavascriptExecutor) driver)
                    .executeScript("var had = window.localStorage.length + window.sessionStorage.length > 0;"
                            + " window.localStorage.clear(); window.sessionStorage.clear(); return had;");
            return Boolean.TRUE.equals(had);
        } catch (Exception e) {
            return false; // no page of the service's origin is open
        }
    }

    private static String currentUrl() {
        try {
            return driver.getCurrentUrl();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
