package org.reviewcycle.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.GeneratedTrust;

/**
 * From pressing "Log in" to seeing the task list, as a person does it: a fresh browser each time
 * (Debian's chromium, headless, nothing cached) opening the front door, the head's login, timed from
 * the click until the first task of "My tasks" is on the screen. The first login is the first use of
 * the webapps since the server started.
 *
 * <p>Each login is timed twice. By the browser's own clock ({@link #WATCH}): from the click event to
 * the first frame drawn after the first task became visible, which is what the person sees; nothing
 * outside the page runs while it is timed. And from outside, as before: from WebDriver's click until
 * WebDriver, asking every {@link #OUTSIDE_POLL}, reads that the task was drawn; that figure adds the
 * click's and the polls' round trips through chromedriver and is late by up to one poll.
 */
final class LoginBenchmark {

    static final int LOGINS = 10;
    private static final Duration OUTSIDE_POLL = Duration.ofMillis(50);

    /**
     * Installed in the page before the click: the click event's time, and the time of the first task
     * being visible (display, visibility and opacity all allowing it), checked whenever the page's DOM
     * changes; then the frame that draws it: a task queued from its animation frame callback runs once
     * the browser has painted that frame.
     */
    private static final String WATCH = """
            const timing = window.reviewcycleLoginTiming = {};
            document.querySelector('#reviewcycle-login button[type=submit]').addEventListener('click', event => {
              timing.clicked = event.timeStamp;
            }, {capture: true, once: true});
            const watcher = new MutationObserver(() => {
              const task = document.querySelector('.tasks-list li.task h4.task a');
              if (task && task.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) {
                watcher.disconnect();
                timing.visible = performance.now();
                requestAnimationFrame(() => setTimeout(() => { timing.drawn = performance.now(); }));
              }
            });
            watcher.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
            """;

    private final int port;
    private final String server;

    /** @param server what the server is, for the table: how long it has run, what it has done */
    LoginBenchmark(int port, String server) {
        this.port = port;
        this.server = server;
    }

    BenchmarkFigures.Login measure(GeneratedTrust.School school, int headsTasks) {
        var inPage = new ArrayList<Long>();
        var outside = new ArrayList<Long>();
        long inPageWall = 0;
        long outsideWall = 0;
        for (int i = 0; i < LOGINS; i++) {
            var login = logInOnce(school.head());
            inPage.add(login.inPageNanos());
            outside.add(login.outsideNanos());
            inPageWall += login.inPageNanos();
            outsideWall += login.outsideNanos();
        }
        return new BenchmarkFigures.Login(server, headsTasks, inPage.get(0) / 1e6, millis(inPage),
                BenchmarkFigures.Latencies.of(inPage, inPageWall, 0, 0, 0), millis(outside),
                BenchmarkFigures.Latencies.of(outside, outsideWall, 0, 0, 0));
    }

    private static List<Long> millis(List<Long> nanos) {
        return nanos.stream().map(n -> Math.round(n / 1e6)).toList();
    }

    private record OneLogin(long inPageNanos, long outsideNanos) {
    }

    private OneLogin logInOnce(String username) {
        try (var browser = new Browser(port, "benchmark-login")) {
            var driver = browser.driver();
            // the address people type: the front door shows the login form on Tasklist's page
            browser.open("/");
            // a person takes a few seconds to type: Tasklist has started behind the form by the time they
            // press "Log in" (login-in-place.js marks the page), as it has here
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "started".equals(
                    driver.executeScript("return document.documentElement.dataset.tasklist")));
            browser.type(By.id("username"), username);
            browser.type(By.id("password"), GeneratedTrust.PASSWORD);
            var button = browser.waitFor(By.cssSelector("#reviewcycle-login button[type=submit]"));
            driver.executeScript(WATCH);
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30), OUTSIDE_POLL);
            long start = System.nanoTime();
            button.click();
            Map<?, ?> timing = wait.until(d -> {
                Object t = driver.executeScript("return window.reviewcycleLoginTiming.drawn === undefined"
                        + " ? null : window.reviewcycleLoginTiming");
                return t instanceof Map<?, ?> map ? map : null;
            });
            long outside = System.nanoTime() - start;
            double inPageMillis = ((Number) timing.get("drawn")).doubleValue() - ((Number) timing.get("clicked")).doubleValue();
            return new OneLogin(Math.round(inPageMillis * 1e6), outside);
        }
    }
}
