package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The factory named for the engine's timer dates is one the JDK has, and a factory named by the JVM's setting stays. */
class TimerDatesPluginTest {

    String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void namesTheJdksFactoryAndTheEngineStillReadsAReminderCycle() throws Exception {
        new TimerDatesPlugin().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(TimerDatesPlugin.JDK_FACTORY);
        assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(TimerDatesPlugin.JDK_FACTORY);
        var cycle = new DurationHelper("R8/2026-12-04T08:00:00/P1D");
        assertThat(cycle.getTimes()).isEqualTo(8);
    }

    @Test
    void leavesAFactoryTheJvmWasGiven() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OwnFactory");
        new TimerDatesPlugin().preInit(new StandaloneInMemProcessEngineConfiguration());
        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OwnFactory");
    }
}
