package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.reviewcycle.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Many people opening Tasklist, Cockpit and Admin at the same moment: each page's scripts carry the
 * nonce of that page's own Content-Security-Policy header, or the browser blocks them all and the
 * person sees an empty page (Camunda keeps the nonce in one attribute of the whole application).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappNonceTest {

    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final String[] PAGES = {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
            "/camunda/app/admin/default/"};

    @LocalServerPort int port;

    @Test
    void everyPageOpenedAtTheSameMomentCarriesTheNonceOfItsOwnHeader() throws Exception {
        var admin = WebSession.loggedIn(port, "admin", "demo");
        var pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                String page = PAGES[i % PAGES.length];
                answers.add(pool.submit((Callable<HttpResponse<String>>) () -> admin.get(page)));
            }
            int pages = 0;
            for (var answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                Matcher header = HEADER_NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElse(""));
                Matcher written = PAGE_NONCE.matcher(response.body());
                assertThat(header.find()).as("the page's policy names a nonce").isTrue();
                while (written.find()) {
                    assertThat(written.group(1)).as(response.uri().getPath()).isEqualTo(header.group(1));
                }
                pages++;
            }
            assertThat(pages).isEqualTo(600);
        } finally {
            pool.shutdownNow();
        }
    }
}
