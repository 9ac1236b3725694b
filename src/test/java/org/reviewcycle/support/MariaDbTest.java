package org.reviewcycle.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on the {@code mysql} profile against a real MariaDB/MySQL server: the one
 * {@code .ci/run} provides (or, locally, the defaults in pom.xml). There is no fallback: without
 * the server these tests fail, they never skip. All classes with this annotation share one
 * application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@ActiveProfiles("mysql")
@TestPropertySource(properties = {
        "spring.datasource.url=${reviewcycle.test.mysql.url}",
        "spring.datasource.username=${reviewcycle.test.mysql.user}",
        "spring.datasource.password=${reviewcycle.test.mysql.password:}",
        // fail at once, with the reason, when no server answers
        "spring.datasource.hikari.initialization-fail-timeout=1"})
public @interface MariaDbTest {
}
