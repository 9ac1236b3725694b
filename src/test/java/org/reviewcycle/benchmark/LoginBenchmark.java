package org.reviewcycle.benchmark;

import java.time.Duration;
import java.util.ArrayList;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.GeneratedTrust;

/**
 * From pressing "Log in" to seeing the task list, as a person does it: a fresh browser each time
 * (Debian's chromium, headless, nothing cached) opening the front door, the head's login, timed from
 * the click until the first task of "My tasks" is on the screen. The first login is the first use of
 * the webapps since the server started.
 */
final class LoginBenchmark {

    static final int LOGINS = 10;
    private static final By FIRST_TASK = By.cssSelector(".tasks-list li.task h4.task a");

    private final int port;
    private final String server;

    /** @param server what the server is, for the table: how long it has run, what it has done */
    LoginBenchmark(int port, String server) {
        this.port = port;
        this.server = server;
    }

    BenchmarkFigures.Login measure(GeneratedTrust.School school, int headsTasks) {
        var nanos = new ArrayList<Long>();
        long wall = 0;
        for (int i = 0; i < LOGINS; i++) {
            long took = logInOnce(school.head());
            nanos.add(took);
            wall += took;
        }
        return new BenchmarkFigures.Login(server, headsTasks, nanos.get(0) / 1e6,
                nanos.stream().map(n -> Math.round(n / 1e6)).toList(), BenchmarkFigures.Latencies.of(nanos, wall, 0, 0, 0));
    }

    private long logInOnce(String username) {
        try (var browser = new Browser(port, "benchmark-login")) {
            // the address people type: the front door shows the login form on Tasklist's page
            browser.open("/");
            // a person takes a few seconds to type: Tasklist has started behind the form by the time they
            // press "Log in" (login-in-place.js marks the page), as it has here
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> "started".equals(
                    browser.driver().executeScript("return document.documentElement.dataset.tasklist")));
            browser.type(By.id("username"), username);
            browser.type(By.id("password"), GeneratedTrust.PASSWORD);
            var button = browser.waitFor(By.cssSelector("#reviewcycle-login button[type=submit]"));
            // polled often: the figure is the browser's time, not the poll's
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30), Duration.ofMillis(10));
            long start = System.nanoTime();
            button.click();
            wait.until(driver -> driver.findElements(FIRST_TASK).stream().anyMatch(a -> a.isDisplayed()));
            return System.nanoTime() - start;
        }
    }
}
