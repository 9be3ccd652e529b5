package io.restorejobcanceller.report;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The HTML report in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs them):
 * loaded from file://, with no network request and no console error, the right figures in its charts and tables,
 * sorting and filtering working, and Atlas details holding markup shown as text, never run.
 */
class HtmlReportBrowserTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();
    private static final String SCRIPT = "<script>window.pwned=1</script>";
    private static final String IMAGE = "<img src=x onerror=window.pwned=2>";
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private Path page;

    @BeforeEach
    void reportOfANightWithHostileDetails() throws Exception {
        atlas.answer(path(2), AtlasStub.apiError(400, "INVALID_PARAMETER", "Bad Request", SCRIPT));
        atlas.answer(path(3), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED", "Method Not Allowed", IMAGE));
        atlas.answer(path(4), AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "gone"));
        Path input = canceller.file("night.csv", csv(6) + "not-a-project,Cluster0,abc\n");
        assertThat(canceller.run("cancel", "--dry-run", input.toString())).isEqualTo(3);
        assertThat(canceller.run("cancel", input.toString())).isEqualTo(3);
        page = canceller.directory().resolve("night.html");
        assertThat(canceller.run("report", "--file=" + input, "--format=html", "--output=" + page)).isZero();
        browser.get(page.toUri().toString());
    }

    @Test
    void thePageLoadsFromAFileWithoutNetworkOrConsoleErrors() {
        // then
        assertThat(browser.getTitle()).contains("input file");
        assertThat((Long) script("return performance.getEntriesByType('resource').length")).isZero();
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertThat(errors).isEmpty();
        assertThat(Files.exists(page)).isTrue();
    }

    @Test
    void theFiguresChartsAndTablesHoldTheSelectionsNumbers() {
        // then: two runs of 7 lines; the real one: 3 cancelled, 2 rejected, 1 not found, 1 invalid
        assertThat(text("#summary [data-outcome=TOTAL] b")).isEqualTo("14");
        assertThat(text("#summary [data-outcome=CANCELLED] b")).isEqualTo("3");
        assertThat(text("#summary [data-outcome=PLANNED][data-dry-run=true] b")).isEqualTo("6");
        assertThat(text("#run-kind")).contains("7 of 14 rows from dry runs");
        List<WebElement> executions = browser.findElements(By.cssSelector("#by-execution g"));
        assertThat(executions).extracting(bar -> bar.getAttribute("data-total")).containsExactly("7", "7");
        assertThat(browser.findElements(By.cssSelector("#by-execution rect[data-outcome=CANCELLED]")))
                .singleElement().extracting(rect -> rect.getAttribute("data-count")).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#by-project g"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#error-codes tbody tr"))).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).contains("INVALID_PARAMETER", "REJECTED", SCRIPT));
        // needing attention: the 2 rejected rows of the real run, and the invalid line of each run
        assertThat(browser.findElements(By.cssSelector("#attention tbody tr"))).hasSize(4);
    }

    @Test
    void rowsSortAndFilterInThePage() {
        // when: sort by LINE, descending on the second click
        WebElement line = browser.findElement(By.xpath("//table[@id='attention']//th[text()='LINE']"));
        line.click();
        line.click();

        // then
        assertThat(column(3)).containsExactly("8", "8", "4", "3"); // the header is line 1

        // when
        browser.findElement(By.id("filter")).sendKeys("onerror");

        // then
        assertThat(browser.findElements(By.cssSelector("#attention tbody tr")).stream().filter(WebElement::isDisplayed))
                .singleElement().extracting(WebElement::getText).asString().contains(IMAGE);
        assertThat(text("#shown")).isEqualTo("1");
    }

    @Test
    void markupInAnAtlasDetailIsShownAsTextAndNeverRuns() {
        // then
        assertThat(script("return typeof window.pwned")).isEqualTo("undefined");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElements(By.cssSelector("td img, td script"))).isEmpty();
        assertThat((Long) script("return document.scripts.length")).isEqualTo(1);
        assertThat(browser.findElement(By.id("attention")).getText()).contains(SCRIPT, IMAGE);
    }

    private List<String> column(int index) {
        return browser.findElements(By.cssSelector("#attention tbody tr td:nth-child(" + index + ")")).stream()
                .map(WebElement::getText).toList();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
