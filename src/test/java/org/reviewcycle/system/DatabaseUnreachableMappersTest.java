package org.reviewcycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

/**
 * In a Jersey application with Camunda's own exception mappers (as /engine-rest and the webapps'
 * API have them), a lost database is a 503 with the JSON of DatabaseUnreachableFilter, whichever
 * way the engine threw it; any other engine failure keeps Camunda's answer.
 */
class DatabaseUnreachableMappersTest {

    static final SQLRecoverableException LINK_FAILURE = new SQLRecoverableException("Communications link failure",
            "08S01");

    /** Throws what Camunda's resources throw when the database is gone. */
    @Path("/")
    public static class Engine {

        @GET
        @Path("transaction")
        public String transactionCannotBegin() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        }

        @GET
        @Path("flush")
        public String connectionDiesInAFlush() {
            throw new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
                    new PersistenceException("### Error flushing statements", LINK_FAILURE));
        }

        @GET
        @Path("submit")
        public String submissionWrapped() {
            throw new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                    new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                            LINK_FAILURE));
        }

        @GET
        @Path("fault")
        public String anotherFault() {
            throw new ProcessEngineException("ENGINE-09005 Could not parse BPMN process");
        }
    }

    final ApplicationHandler jersey = new ApplicationHandler(new ResourceConfig(Engine.class)
            .register(ProcessEngineExceptionHandler.class).register(RestExceptionHandler.class)
            .register(ExceptionHandler.class).register(JacksonJsonProvider.class)
            // jersey-spring6 is on the classpath: give it an empty context rather than look for applicationContext.xml
            .property("contextConfig", new GenericApplicationContext()));

    @Test
    void aLostDatabaseIs503WithTheSentenceWhereverTheEngineNoticesIt() throws Exception {
        for (String path : new String[] {"transaction", "flush", "submit"}) {
            ContainerResponse response = get(path);
            assertThat(response.getStatus()).as(path).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("60");
            var body = new ObjectMapper().readTree((String) response.getEntity());
            assertThat(body.get("type").asText()).isEqualTo("DatabaseUnreachable");
            assertThat(body.get("message").asText()).startsWith("ReviewCycle cannot reach its database just now.");
        }
    }

    @Test
    void anyOtherEngineFailureKeepsCamundasAnswer() throws Exception {
        assertThat(get("fault").getStatus()).isEqualTo(500);
    }

    ContainerResponse get(String path) throws Exception {
        var base = URI.create("http://localhost/");
        var request = new ContainerRequest(base, base.resolve(path), "GET", null, new MapPropertiesDelegate(),
                jersey.getConfiguration());
        return jersey.apply(request).get();
    }

}
