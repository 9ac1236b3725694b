package org.reviewcycle.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.reviewcycle.common.DatabaseUnreachable;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a person and an API client get when a request fails because the database cannot be
 * reached: 503 with Retry-After and one plain sentence, as a page or as Camunda-style JSON; any
 * other failure goes on as it was.
 */
class DatabaseUnreachableFilterTest {

    /** As DispatcherServlet hands on what a controller threw. */
    static final ServletException PAGE_FAILED = new ServletException("Request processing failed",
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

    final DatabaseUnreachableFilter filter = new DatabaseUnreachableFilter(new DatabaseUnreachableAnswer(templates()));

    static SpringTemplateEngine templates() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    @Test
    void aBrowserGetsAShortPageSayingTryAgain() throws Exception {
        var request = new MockHttpServletRequest("GET", "/admin/schools/3/staff");
        request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, failing(PAGE_FAILED));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("60");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("<h1>Try again in a minute</h1>",
                "ReviewCycle cannot reach its database just now. Nothing you sent was saved partly: "
                        + "wait a minute and try again.")
                .doesNotContain("Exception", "org.", "at java");
    }

    @Test
    void anApiClientGetsJsonInTheShapeOfCamundasErrors() throws Exception {
        for (String path : new String[] {"/engine-rest/task/7/submit-form", "/api/cycles/3/launch",
                "/camunda/api/engine/engine/default/task/count"}) {
            var request = new MockHttpServletRequest("POST", path);
            request.addHeader("Accept", "application/json, text/html");
            var response = new MockHttpServletResponse();

            filter.doFilter(request, response, failing(new ProcessEngineException("ENGINE-03004",
                    new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))));

            assertThat(response.getStatus()).as(path).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).isEqualTo("60");
            assertThat(response.getContentType()).startsWith("application/json");
            var body = new ObjectMapper().readTree(response.getContentAsByteArray());
            assertThat(body.get("type").asText()).isEqualTo("DatabaseUnreachable");
            assertThat(body.get("message").asText()).isEqualTo(DatabaseUnreachable.MESSAGE);
        }
    }

    @Test
    void otherFailuresGoOnAsTheyWere() {
        var request = new MockHttpServletRequest("GET", "/admin");
        var fault = new IllegalStateException("a fault of ours");
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), failing(fault)))
                .isSameAs(fault);
    }

    @Test
    void aResponseAlreadySentIsLeftAlone() throws Exception {
        var request = new MockHttpServletRequest("GET", "/admin");
        var response = new MockHttpServletResponse();
        response.setCommitted(true);
        assertThatThrownBy(() -> filter.doFilter(request, response, failing(PAGE_FAILED))).isSameAs(PAGE_FAILED);
    }

    static FilterChain failing(Exception thrown) {
        return (request, response) -> {
            if (thrown instanceof ServletException servlet) {
                throw servlet;
            }
            throw (RuntimeException) thrown;
        };
    }
}
