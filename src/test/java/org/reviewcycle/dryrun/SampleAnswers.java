package org.reviewcycle.dryrun;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dry run's answers to a Camunda Form ({@link FormAnswers}: the way forward chosen, every field
 * filled in as our listeners accept it), for tests elsewhere that walk reviews through whatever
 * steps the model has (migration.ReviewMigrationsOnMariaDbTest), without spelling each form's fields.
 */
public final class SampleAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormAnswers answers;

    public SampleAnswers(ProcessEngine engine) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.answers = new FormAnswers(configuration.getDmnEngineConfiguration().getFeelEngine(), LocalDate.now());
    }

    /** The values Tasklist would submit for {@code formJson}, shown with the task's {@code variables}. */
    public Map<String, Object> answer(String formJson, Map<String, Object> variables) {
        var readable = new HashMap<String, Object>();
        variables.forEach((name, value) -> readable.put(name, FormAnswers.readable(value)));
        try {
            return answers.answer(JSON.readTree(formJson), readable);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a form: " + e.getOriginalMessage(), e);
        }
    }
}
