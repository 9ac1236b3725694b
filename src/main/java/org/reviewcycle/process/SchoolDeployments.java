package org.reviewcycle.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolCreated;
import org.reviewcycle.school.SchoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Each school runs its own deployment of the cycle (bpmn/, the ReviewPlan decision, forms/), with
 * the school's code as tenant id: the engine's tenant check then keeps one school's reviews, tasks,
 * decisions and history from another's admins, and a school's admin can deploy a changed model for
 * their school alone. Deployed when a school is created (in its transaction) and, for every school,
 * at start-up, where duplicate filtering deploys nothing unless the files changed; then all of them
 * together, as the forms are bound to the deployment of their model. Camunda's own tenant-less
 * auto-deployment is off (application.properties).
 */
@Component
public class SchoolDeployments {

    /** The deployment's name, under which the engine filters duplicates (per tenant). */
    static final String NAME = "ReviewCycle";
    private static final String SOURCE = "ReviewCycle start-up";

    private static final Logger log = LoggerFactory.getLogger(SchoolDeployments.class);

    private final RepositoryService repository;
    private final SchoolService schools;
    private final List<Resource> models;

    SchoolDeployments(RepositoryService repository, SchoolService schools, ResourcePatternResolver resolver,
            @Value("${reviewcycle.model-resources}") String[] patterns) {
        this.repository = repository;
        this.schools = schools;
        this.models = Arrays.stream(patterns).flatMap(pattern -> resources(resolver, pattern.strip()))
                .sorted(Comparator.comparing(Resource::getFilename)).toList();
    }

    /** Before the application runners (the demo) and before anyone logs in. */
    @EventListener(ApplicationStartedEvent.class)
    void deployForEverySchool() {
        schools.allSchools().forEach(this::deploy);
    }

    @EventListener
    void schoolCreated(SchoolCreated created) {
        deploy(created.school());
    }

    /** Deploys the cycle for {@code school} unless its latest deployment holds the same files. */
    public void deploy(School school) {
        DeploymentBuilder deployment = repository.createDeployment().name(NAME).source(SOURCE)
                .tenantId(school.code()).enableDuplicateFiltering(false);
        for (Resource model : models) {
            try (var content = model.getInputStream()) {
                deployment.addInputStream(model.getFilename(), content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + model.getDescription(), e);
            }
        }
        // a duplicate comes back as the deployment it repeats, without definitions of its own
        var definitions = deployment.deployWithResult().getDeployedProcessDefinitions();
        if (definitions != null && !definitions.isEmpty()) {
            log.info("Deployed the cycle for {} ({})", school.name(), school.code());
        }
    }

    private static java.util.stream.Stream<Resource> resources(ResourcePatternResolver resolver, String pattern) {
        try {
            return Arrays.stream(resolver.getResources(pattern));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the cycle's files " + pattern, e);
        }
    }
}
