package org.reviewcycle.tasklist;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON mapper of the engine's REST API, one for all requests. Camunda's own ({@link JacksonConfigurator})
 * makes a new one each time it is asked, several times a request, so every request built Jackson's readers
 * and writers again (a task list read its query, a {@code TaskQueryDto} of about a hundred fields, with a
 * reader built for it each time): 10 to 15 per cent of the time of Tasklist's requests. This one is set up
 * the same way, once; Jackson's mappers are safe to share once set up, and it copies the date format for
 * each use. Asked before Camunda's (the higher priority), for JSON and HAL alike, by every Jersey application
 * of the server: the webapps' APIs and {@code /engine-rest} ({@link WebappWarmUp} names it to them all).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(1)
public class EngineApiJson implements ContextResolver<ObjectMapper> {

    private static final class Shared {
        static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Shared.MAPPER;
    }
}
