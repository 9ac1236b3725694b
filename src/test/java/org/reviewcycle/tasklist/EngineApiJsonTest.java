package org.reviewcycle.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Date;

import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.util.ProvidersUtil;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;

/**
 * The engine's REST API, as Tasklist calls it (the webapps' engine API) and as {@code /engine-rest}, and the
 * webapps' other APIs, ask for their JSON mapper and get the same one each time, set up as Camunda sets up its
 * own: no mapper, and no Jackson reader for a task query, built again for each request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineApiJsonTest {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    @Autowired ServletWebServerApplicationContext web;

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/api/engine/*", "/camunda/api/tasklist/*", "/camunda/api/admin/*",
            "/camunda/api/cockpit/*", "/camunda/api/welcome/*", "/engine-rest/*"})
    void everyRequestOfTheEngineApiHasTheSameMapperSetUpAsCamundasOwn(String mapping) throws Exception {
        Wrapper servlet = WebappWarmUp.jerseyServlets((TomcatWebServer) web.getWebServer()).stream()
                .filter(s -> Arrays.asList(s.findMappings()).contains(mapping)).findFirst().orElseThrow();
        Servlet jersey = servlet.allocate();
        try {
            var providers = ((ServletContainer) jersey).getApplicationHandler().getInjectionManager()
                    .getInstance(Providers.class);

            // as Jersey's JSON reader and writer ask, and Camunda's resources in a request, several times each
            ObjectMapper first = ProvidersUtil.resolveFromContext(providers, ObjectMapper.class, JSON, getClass());
            ObjectMapper next = ProvidersUtil.resolveFromContext(providers, ObjectMapper.class, JSON, getClass());
            // and for the HAL answers Tasklist asks for
            ObjectMapper hal = ProvidersUtil.resolveFromContext(providers, ObjectMapper.class, Hal.APPLICATION_HAL_JSON_TYPE,
                    getClass());

            assertThat(next).isSameAs(first);
            assertThat(hal).isSameAs(first);
            var camundas = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
            var query = new TaskQueryDto();
            query.setDueBefore(new Date(1_780_000_000_123L));
            query.setAssignee("head");
            assertThat(first.writeValueAsString(query)).isEqualTo(camundas.writeValueAsString(query))
                    .contains("\"dueBefore\":\"" + camundas.getDateFormat().format(query.getDueBefore()) + "\"");
        } finally {
            servlet.deallocate(jersey);
        }
    }
}
