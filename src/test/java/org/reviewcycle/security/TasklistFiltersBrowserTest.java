package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.reviewcycle.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an admin and a teacher see in Tasklist's list of filters, in a real browser: their own
 * "My tasks" first and chosen, the admin's "All tasks in my schools" after it, nobody else's list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistFiltersBrowserTest {

    @LocalServerPort int port;
    @Autowired PersonalTaskFilters personalFilters;

    @Test
    void anAdminLandsOnTheirOwnListWithTheSharedOneAfterIt() {
        // colleagues' lists exist: the admin used to see them all, under the same name
        personalFilters.myTasksOf("head");
        personalFilters.myTasksOf("teacher.mpg");
        try (var browser = new Browser(port, "tasklist-filters")) {
            browser.logIn("admin", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
            browser.waitUntilTextShown(EngineAuthorizations.ALL_TASKS_FILTER);
            browser.waitUntil(() -> !browser.pageText().contains("Loading"));
            browser.screenshot("1-admin");
            assertThat(filterNames(browser)).containsExactly(PersonalTaskFilters.MY_TASKS,
                    EngineAuthorizations.ALL_TASKS_FILTER);
            assertThat(chosenFilter(browser)).isEqualTo(PersonalTaskFilters.MY_TASKS);
        }
        try (var browser = new Browser(port, "tasklist-filters")) {
            browser.logIn("teacher.mpg", "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/default/");
            browser.waitUntilTextShown(PersonalTaskFilters.MY_TASKS);
            browser.screenshot("2-teacher");
            assertThat(filterNames(browser)).containsExactly(PersonalTaskFilters.MY_TASKS);
            assertThat(chosenFilter(browser)).isEqualTo(PersonalTaskFilters.MY_TASKS);
            // soonest due first, as the list's description says (Tasklist's own default is newest first)
            assertThat(browser.waitFor(By.cssSelector(".sorting-choice .sort-by")).getText()).isEqualTo("Due date");
            assertThat(browser.driver().findElement(By.cssSelector(".sorting-choice .sort-direction"))
                    .getDomAttribute("uib-tooltip")).isEqualTo("Ascending");
        }
    }

    private static java.util.List<String> filterNames(Browser browser) {
        return browser.driver().findElements(By.cssSelector(".task-filter .name a")).stream()
                .map(TasklistFiltersBrowserTest::nameOf).toList();
    }

    private static String chosenFilter(Browser browser) {
        return nameOf(browser.waitFor(By.cssSelector(".task-filter.active .name a")));
    }

    /** The filter's name without the count of tasks Tasklist shows beside the chosen one. */
    private static String nameOf(WebElement link) {
        String counter = link.findElements(By.cssSelector(".counter")).stream().map(WebElement::getText)
                .findFirst().orElse("");
        String text = link.getText();
        return (counter.isEmpty() ? text : text.substring(0, text.lastIndexOf(counter))).trim();
    }
}
