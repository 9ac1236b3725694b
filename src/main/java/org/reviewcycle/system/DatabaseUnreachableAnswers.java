package org.reviewcycle.system;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.ITemplateEngine;

/**
 * A lost database is answered 503 on every path: by {@link DatabaseUnreachableFilter} around
 * everything, and by {@link DatabaseUnreachableResolver} within Spring MVC.
 */
@Configuration
class DatabaseUnreachableAnswers implements WebMvcConfigurer {

    private final DatabaseUnreachableAnswer answer;

    DatabaseUnreachableAnswers(ITemplateEngine templates) {
        this.answer = new DatabaseUnreachableAnswer(templates);
    }

    /**
     * Second of all filters, behind only security.RequestLimits' body limit: around Spring Security
     * (a login checks the password in the database), Camunda's webapp filters and everything else.
     */
    @Bean
    FilterRegistrationBean<DatabaseUnreachableFilter> databaseUnreachable() {
        var registration = new FilterRegistrationBean<>(new DatabaseUnreachableFilter(answer));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Before Spring MVC's own resolvers, one of which would take the lost database for a client that left. */
    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, new DatabaseUnreachableResolver(answer));
    }
}
