package org.reviewcycle.process;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Puts the checks and error answers of task submissions ({@link SubmissionRequests},
 * {@link SubmissionErrors}), and the facts the forms show ({@link FormFactsInAnswers}), into every
 * Jersey application: /engine-rest, which the Spring Boot
 * starter configures, and the webapps' /camunda/api/engine, which Camunda's webapp initializer
 * builds from its own Application class. Found by Jersey through
 * META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable.
 */
public final class SubmissionRestFeature implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().isRegistered(SubmissionRequests.class)) {
            return;
        }
        context.register(SubmissionRequests.class);
        context.register(FormFactsInAnswers.class);
        context.register(SubmissionErrors.OfRest.class, SubmissionErrors.PRIORITY);
        context.register(SubmissionErrors.OfEngine.class, SubmissionErrors.PRIORITY);
        context.register(SubmissionErrors.OfAnything.class, SubmissionErrors.PRIORITY);
    }
}
