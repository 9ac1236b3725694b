package org.reviewcycle.system;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.reviewcycle.common.DatabaseUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * /engine-rest and the webapps' /camunda/api: Camunda's REST layer answers every exception itself
 * (a 500 with the exception's class as {@code type}), so {@link DatabaseUnreachableFilter} never
 * sees it. These mappers, for the types Camunda maps (RestException, ProcessEngineException,
 * anything), take a lost database first and give the filter's answer: 503, Retry-After and
 * {"type": "DatabaseUnreachable", "message": ...}. Every other exception passes on to the mappers
 * behind (security.OtherSchoolRefusal at 900, process.SubmissionErrors at 1000, Camunda's at
 * USER). Found by Jersey through META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable.
 */
public final class DatabaseUnreachableMappers implements AutoDiscoverable {

    /** Ahead of every other mapper of ours and Camunda's: a lower number is asked first. */
    static final int PRIORITY = 800;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnreachableMappers.class);
    private static final String BODY = new ObjectMapper().createObjectNode().put("type", DatabaseUnreachable.TYPE)
            .put("message", DatabaseUnreachable.MESSAGE).toString();

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(OfRest.class)) {
            context.register(OfRest.class, PRIORITY);
            context.register(OfEngine.class, PRIORITY);
            context.register(OfAnything.class, PRIORITY);
        }
    }

    static Response serviceUnavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", DatabaseUnreachable.RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(BODY).build();
    }

    private abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E exception) {
            return DatabaseUnreachable.isCause(exception);
        }

        @Override
        public Response toResponse(E exception) {
            LOG.warn("The REST API cannot reach the database: {}", exception.toString());
            return serviceUnavailable();
        }
    }

    /** Camunda's wrapping of engine exceptions in its resources (TaskResourceImpl and others). */
    public static final class OfRest extends Mapper<RestException> {
    }

    /** The engine's own exceptions, which wrap MyBatis' and JDBC's. */
    public static final class OfEngine extends Mapper<ProcessEngineException> {
    }

    /** Spring's, when the engine's transaction cannot even begin (CannotCreateTransactionException). */
    public static final class OfAnything extends Mapper<Throwable> {
    }
}
