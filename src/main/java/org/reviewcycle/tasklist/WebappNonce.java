package org.reviewcycle.tasklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist, Cockpit and Admin load only when the nonce in their page's scripts is the nonce of the
 * page's Content-Security-Policy header. Camunda 7.24 makes a nonce per request but keeps it in one
 * attribute of the whole servlet context (ContentSecurityPolicyProvider sets it, ProcessEnginesFilter
 * reads it back to write the page), so when two people open a webapp at the same moment, one page
 * can carry the other request's nonce: every script of it is blocked and the person sees an empty
 * page (a whole school logging in after a staff meeting). This filter, outside Camunda's, keeps each
 * webapp page's header in step with the nonce written into that page.
 */
@Configuration
class WebappNonce {

    private static final Pattern PAGE_NONCE = Pattern.compile("nonce=\"([A-Za-z0-9+/=_-]+)\"");
    private static final Pattern HEADER_NONCE = Pattern.compile("'nonce-[A-Za-z0-9+/=_-]+'");
    private static final String CSP = "Content-Security-Policy";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappPageNonce() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                // the webapps' pages only (…/app/tasklist/default/, …/index.html); their scripts carry no nonce
                return !"GET".equals(request.getMethod()) || !(path.endsWith("/") || path.endsWith(".html"));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                var page = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, page);
                    keepHeaderInStepWithPage(page);
                } finally {
                    page.copyBodyToResponse();
                }
            }
        });
        registration.addUrlPatterns("/camunda/app/*");
        // outside every other filter, Camunda's header security and template filters included
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static void keepHeaderInStepWithPage(ContentCachingResponseWrapper page) {
        String header = page.getHeader(CSP);
        String contentType = page.getContentType();
        if (header == null || contentType == null || !contentType.startsWith("text/html")) {
            return;
        }
        var written = PAGE_NONCE.matcher(new String(page.getContentAsByteArray(), StandardCharsets.UTF_8));
        if (written.find()) {
            page.setHeader(CSP, HEADER_NONCE.matcher(header).replaceAll("'nonce-" + written.group(1) + "'"));
        }
    }
}
