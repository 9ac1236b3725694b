package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reviewcycle.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's "My profile" leads to Camunda's Welcome page, whose "Edit profile" and "Change password" can only
 * fail (the engine's directory is read-only): over HTTP, as the browser asks, a member of staff and a head are
 * sent to ReviewCycle's own profile; an admin keeps Welcome, their way to Cockpit and Admin, without those two
 * links and with one to their profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WelcomeForStaffTest {

    private static final String WELCOME = "/camunda/app/welcome/default/";

    @LocalServerPort int port;

    @Test
    void staffAndHeadsAreSentToTheirOwnProfileAndAdminsKeepWelcome() {
        for (String person : new String[] {"teacher.mpg", "head", "kitchen"}) {
            var welcome = WebSession.loggedIn(port, person, "demo").get(WELCOME);
            assertThat(welcome.statusCode()).as(person).isEqualTo(302);
            assertThat(welcome.headers().firstValue("Location")).as(person).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/me"));
        }
        var admin = WebSession.loggedIn(port, "admin", "demo");
        assertThat(admin.get(WELCOME).statusCode()).isEqualTo(200);
        assertThat(admin.get("/camunda/app/welcome/styles/user-styles.css").body())
                .contains(".user-profile-display .action-links");
        assertThat(admin.get("/camunda/app/welcome/scripts/config.js").body()).contains("href: '/me'");
        assertThat(admin.get("/me").statusCode()).isEqualTo(200);
    }
}
