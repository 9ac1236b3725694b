package org.reviewcycle.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.thymeleaf.ITemplateEngine;

/** A lost database is answered 503 on every path ({@link DatabaseUnreachableFilter}). */
@Configuration
class DatabaseUnreachableAnswers {

    /**
     * Second of all filters, behind only security.RequestLimits' body limit: around Spring Security
     * (a login checks the password in the database), Camunda's webapp filters and everything else.
     */
    @Bean
    FilterRegistrationBean<DatabaseUnreachableFilter> databaseUnreachable(ITemplateEngine templates) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnreachableFilter(templates));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
