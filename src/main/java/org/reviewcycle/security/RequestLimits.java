package org.reviewcycle.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** The request body limits of application.properties ("Request size limits"), applied to every path. */
@Configuration
class RequestLimits {

    /** First of all filters: before Spring Security, Camunda's filters and anything else that may read a body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(
            @Value("${reviewcycle.request-limits.multipart}") DataSize multipart,
            @Value("${reviewcycle.request-limits.other}") DataSize other) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(multipart, other));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
