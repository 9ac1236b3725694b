package org.reviewcycle.process;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own {@link DatatypeFactory} for the engine's timer dates. Camunda reads every timer's
 * duration or cycle (each step's two reminder timers, when a review starts and each morning they fire) with a
 * new {@code DatatypeFactory.newInstance()}, which, with no factory named, searches the whole class path for
 * another one each time: a twelfth of a cycle launch's time went there. A factory named by the JVM's own
 * setting (-Djavax.xml.datatype.DatatypeFactory=...) is left as it is.
 */
@Component
class TimerDatesPlugin extends AbstractProcessEnginePlugin {

    static final String JDK_FACTORY = DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, JDK_FACTORY);
        }
    }
}
