package org.reviewcycle.deploygate;

import java.util.Optional;

/**
 * The Spring beans the engine's expressions can reach by name (Camunda's Spring expression manager
 * resolves any bean of the application context): the gate refuses every one of them that the
 * allowlist does not name.
 */
interface Beans {

    boolean exists(String name);

    /** The class of the bean (not of a proxy around it), if there is such a bean. */
    Optional<Class<?>> typeOf(String name);
}
