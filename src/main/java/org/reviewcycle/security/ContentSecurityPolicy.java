package org.reviewcycle.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The Content-Security-Policy of everything we serve: the login page, the admin pages ({@code /admin}),
 * error pages, {@code /engine-rest} and {@code /api}. Our pages load scripts, styles and images
 * from this site only and have nothing inline, so the policy is strict. Tasklist, Cockpit, Admin
 * and Welcome ({@code /camunda/app/**}, {@code /camunda/api/**}) get Camunda's own policy
 * ({@code camunda.bpm.webapp.header-security.*}), built for them; a second one would only be
 * intersected with it by the browser and break them.
 */
final class ContentSecurityPolicy {

    static final String OURS = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private ContentSecurityPolicy() {
    }

    static void ours(HeadersConfigurer<HttpSecurity> headers) {
        var camundaWebapps = new OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/camunda/app/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"));
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camundaWebapps),
                new ContentSecurityPolicyHeaderWriter(OURS)));
    }
}
