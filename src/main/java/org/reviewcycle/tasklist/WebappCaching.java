package org.reviewcycle.tasklist;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How long browsers keep the webapps' files. Camunda's own files (about 5 MB of scripts, styles and
 * fonts) change only with Camunda's version, which is in every URL that loads them
 * ({@code ?bust=7.24.0}): a browser keeps them for a year. Our files beside them (each app's
 * {@code scripts/config.js} and {@code styles/user-styles.css}, {@code /reviewcycle/*.js}) change with
 * our releases under the same URLs: a browser asks every time and gets "not modified" (304) while
 * they are unchanged. Everything else keeps Spring Security's "no-store": Spring Security writes
 * its header only when none is set (CacheControlHeadersWriter). This filter runs after Spring
 * Security's, so a request it turns away (a redirect to the login page, a 401) is never marked to be
 * kept: a browser would otherwise keep the redirect for a year in place of the file.
 */
@Configuration
class WebappCaching {

    static final String CAMUNDA_FILES = "private, max-age=31536000, immutable";
    static final String OUR_FILES = "no-cache";

    private static final List<PathPattern> OURS = patterns(
            "/camunda/app/*/scripts/config.js", "/camunda/app/*/styles/user-styles.css", "/reviewcycle/*.js",
            "/reviewcycle.css");
    private static final List<PathPattern> CAMUNDA = patterns(
            "/camunda/lib/**", "/camunda/assets/**", "/camunda/favicon.ico", "/camunda/app/*/camunda-*-bootstrap.*",
            "/camunda/app/*/locales/*.json", "/camunda/api/*/plugin/*/static/**");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappCacheControl() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String policy = policyFor(request.getMethod(), request.getRequestURI());
                if (policy != null) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, policy);
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/camunda/*", "/reviewcycle/*", "/reviewcycle.css");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The Cache-Control for a request, or null to leave it to Spring Security (no-store). */
    static String policyFor(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        PathContainer container = PathContainer.parsePath(path);
        if (OURS.stream().anyMatch(p -> p.matches(container))) {
            return OUR_FILES;
        }
        if (CAMUNDA.stream().anyMatch(p -> p.matches(container))) {
            return CAMUNDA_FILES;
        }
        return null;
    }

    private static List<PathPattern> patterns(String... patterns) {
        return java.util.Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
