package org.reviewcycle.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.EOFException;
import java.net.SocketException;

import org.junit.jupiter.api.Test;
import org.reviewcycle.common.DatabaseUnreachable;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.AsPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

import com.mysql.cj.exceptions.CJCommunicationsException;
import com.mysql.cj.jdbc.exceptions.CommunicationsException;

/**
 * The database server dies under a connection the pool had handed out: MySQL Connector/J's
 * "Communications link failure", caused by an EOFException or a "Connection reset by peer",
 * reaches Spring MVC from one of our pages. Spring takes those causes for a browser that went
 * away and would answer an empty 200 (DatabaseRestartIT met it); a person gets the "try again"
 * page and a script the JSON, as everywhere else.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DatabaseLostInAPageTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @MockitoSpyBean SchoolService schools;

    static CannotCreateTransactionException connectionDied(Throwable onTheWire) {
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new CommunicationsException("Communications link failure",
                        new CJCommunicationsException("Communications link failure", onTheWire)));
    }

    long littletown() {
        return schools.findSchool(DemoSchool.CODE).orElseThrow().id();
    }

    @Test
    void aPageGetsTheTryAgainPageWhenTheServerClosedTheConnection() throws Exception {
        long school = littletown();
        doThrow(connectionDied(new EOFException("Can not read response from server."))).when(schools)
                .findSchool(anyLong());
        mvc.perform(get("/admin/schools/" + school).with(new AsPerson(users).as("admin")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Try again in a minute")))
                .andExpect(content().string(containsString(DatabaseUnreachable.MESSAGE)))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void aScriptGetsTheTryAgainJsonWhenTheConnectionWasReset() throws Exception {
        long school = littletown();
        doThrow(connectionDied(new SocketException("Connection reset by peer"))).when(schools).findSchool(anyLong());
        mvc.perform(get("/api/schools/" + school + "/history").with(new AsPerson(users).as("admin"))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.type").value(DatabaseUnreachable.TYPE))
                .andExpect(jsonPath("$.message").value(DatabaseUnreachable.MESSAGE));
    }
}
