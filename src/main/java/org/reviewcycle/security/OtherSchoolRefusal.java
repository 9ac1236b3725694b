package org.reviewcycle.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * The engine's tenant check refuses a command on another school's review, task or deployment with
 * a plain ProcessEngineException ("... belongs to no authenticated tenant", Camunda's CommandLogger
 * ENGINE-13034), which Camunda's REST API answers with 500, as if the server had failed. Here it is
 * the refusal it is: 403 and a sentence, on /engine-rest and on the webapps' API alike (found by
 * Jersey through META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable).
 */
public final class OtherSchoolRefusal implements AutoDiscoverable {

    /** The words of Camunda's tenant refusal, which no other engine message uses. */
    static final String TENANT_REFUSAL = "belongs to no authenticated tenant";
    /** Ahead of Camunda's mappers (the default priority, USER) and of the task submission's. */
    static final int PRIORITY = 900;
    static final String MESSAGE = "{\"type\":\"AuthorizationException\",\"message\":"
            + "\"This belongs to another school: you may see and change your own school's reviews only.\"}";

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(OfEngine.class)) {
            context.register(OfEngine.class, PRIORITY);
            context.register(OfRest.class, PRIORITY);
        }
    }

    static boolean isTenantRefusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProcessEngineException && cause.getMessage() != null
                    && cause.getMessage().contains(TENANT_REFUSAL)) {
                return true;
            }
        }
        return false;
    }

    private abstract static class Mapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E exception) {
            return isTenantRefusal(exception);
        }

        @Override
        public Response toResponse(E exception) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(MESSAGE)
                    .build();
        }
    }

    @Priority(PRIORITY)
    public static final class OfEngine extends Mapper<ProcessEngineException> {
    }

    /** The REST resources that wrap the engine's exception (a variable's, for one). */
    @Priority(PRIORITY)
    public static final class OfRest extends Mapper<RestException> {
    }
}
