package org.dialplane.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser half of {@link ExplorerIT}: headless Debian Chromium, driven by Selenium through Debian's
 * chromedriver, on the API explorer. It runs on the application class path, outside the OSGi container (Selenium
 * is no bundle): ExplorerIT, inside, loads this class through the system class loader and calls {@link #explore}
 * with JDK types only. Nothing is downloaded: the browser and driver are the installed ones (Selenium Manager is
 * not consulted when both are named).
 */
public final class ExplorerBrowser {
    /** Debian's paths; {@code -Ddialplane.test.chromium=...} / {@code -Ddialplane.test.chromedriver=...} elsewhere. */
    public static final Path CHROMIUM = Path.of(System.getProperty("dialplane.test.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("dialplane.test.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ExplorerBrowser() {
    }

    /** Why the browser test cannot run here, or null when it can. */
    public static String missing() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return "No Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): install Debian's chromium and "
                    + "chromium-driver (apt-get install -y chromium chromium-driver) to run the browser test";
        }
        return null;
    }

    /**
     * Opens {@code base/pbxapi/docs}; runs {@code deploy} (which hot-deploys a bundle serving {@code deployedPath})
     * and reloads the page; authorizes with the API key, runs GET /pbxapi/extensions through "Try it out" and
     * answers what the page showed: {@code title}, {@code deployedBefore} and {@code deployedAfter} (whether the
     * deployed bundle's operation was listed before and after the reload), {@code status}, {@code body},
     * {@code curl} (the command the explorer shows). Screenshots of each step go to {@code screenshots}.
     */
    public static Map<String, String> explore(String base, String apiKey, Path screenshots, Runnable deploy,
            String deployedPath) throws IOException {
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1800", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        Map<String, String> seen = new LinkedHashMap<>();
        try {
            WebDriverWait wait = new WebDriverWait(driver, WAIT);
            driver.get(base + "/pbxapi/docs");
            WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".info .title")));
            seen.put("title", title.getText());
            By deployed = By.cssSelector(".opblock-summary-path[data-path='" + deployedPath + "']");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
            seen.put("deployedBefore", Boolean.toString(!driver.findElements(deployed).isEmpty()));
            screenshot(driver, screenshots, "1-explorer");

            deploy.run();
            driver.navigate().refresh();
            wait.until(ExpectedConditions.presenceOfElementLocated(deployed));
            seen.put("deployedAfter", Boolean.toString(!driver.findElements(deployed).isEmpty()));

            authorize(driver, wait, apiKey, screenshots);

            WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    ".opblock-get .opblock-summary-path[data-path='/pbxapi/extensions']")));
            WebElement block = operation.findElement(By.xpath("./ancestor::div[contains(@class,'opblock-get')][1]"));
            click(driver, block.findElement(By.cssSelector(".opblock-summary")));
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(
                    block.findElement(By.cssSelector("button.try-out__btn")))));
            click(driver, wait.until(ExpectedConditions.elementToBeClickable(
                    block.findElement(By.cssSelector("button.execute")))));
            WebElement status = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(block,
                    By.cssSelector(".live-responses-table .response .response-col_status"))).get(0);
            WebElement body = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(block,
                    By.cssSelector(".live-responses-table .response-col_description .microlight, "
                            + ".live-responses-table .response-col_description pre"))).get(0);
            seen.put("status", status.getText().trim());
            seen.put("body", body.getText());
            List<WebElement> curl = block.findElements(By.cssSelector(".curl-command .curl, .curl-command pre"));
            seen.put("curl", curl.isEmpty() ? "" : curl.get(0).getText());
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", status);
            screenshot(driver, screenshots, "3-try-it-out");
            return seen;
        } catch (RuntimeException e) {
            screenshot(driver, screenshots, "failed");
            throw new IllegalStateException("The explorer did not behave (screenshots in " + screenshots + "); seen: "
                    + seen + "; " + e, e);
        } finally {
            driver.quit();
        }
    }

    /** "Authorize", the API key scheme's value, its "Authorize" button, then close the dialog. */
    private static void authorize(WebDriver driver, WebDriverWait wait, String apiKey, Path screenshots)
            throws IOException {
        click(driver, wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize"))));
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        WebElement scheme = null;
        for (WebElement container : dialog.findElements(By.cssSelector(".auth-container"))) {
            if (container.getText().contains("X-API-Key")) {
                scheme = container;
                break;
            }
        }
        if (scheme == null) {
            throw new IllegalStateException("No X-API-Key scheme in the Authorize dialog: " + dialog.getText());
        }
        scheme.findElement(By.cssSelector("input")).sendKeys(apiKey);
        click(driver, scheme.findElement(By.cssSelector("button.authorize")));
        wait.until(d -> scheme(dialog).getText().contains("Logout"));
        screenshot(driver, screenshots, "2-authorized");
        click(driver, dialog.findElement(By.cssSelector("button.btn-done, button.close-modal")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    private static WebElement scheme(WebElement dialog) {
        for (WebElement container : dialog.findElements(By.cssSelector(".auth-container"))) {
            if (container.getText().contains("X-API-Key")) {
                return container;
            }
        }
        throw new IllegalStateException("The X-API-Key scheme went from the dialog");
    }

    /** Through JavaScript after scrolling it into view: a sticky header must not take the click. */
    private static void click(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    private static void screenshot(WebDriver driver, Path folder, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
