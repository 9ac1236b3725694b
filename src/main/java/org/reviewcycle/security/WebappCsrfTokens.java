package org.reviewcycle.security;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The webapps' CSRF token is issued anew at every login, on both login paths. Camunda's CsrfPreventionFilter
 * keeps one token per session and Tasklist sends it back from its XSRF-TOKEN cookie; the session survives a
 * login (with a new id), so without this the token of someone's page from before they logged in (the login
 * form on Tasklist's page, a shared computer) would still be good after it. The new token is issued by
 * Camunda's own code, set up as Camunda's filter is ({@code camunda.bpm.webapp.csrf.*}), so its cookie has the
 * name, path and flags Tasklist reads.
 */
final class WebappCsrfTokens extends CsrfPreventionFilter {

    /** The name under which Camunda's Spring Boot starter registers its filter, with its settings. */
    private static final String CAMUNDAS_FILTER = "CsrfPreventionFilter";

    private volatile boolean ready;

    /**
     * Forgets the session's token and issues a new one: in the session, as a cookie and a header of {@code response}.
     * Where the webapps are not served (no Camunda filter in this servlet context: MockMvc), there is no token.
     */
    void renew(HttpServletRequest request, HttpServletResponse response) throws ServletException {
        if (setUp(request.getServletContext())) {
            request.getSession().removeAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
            setCSRFToken(request, response);
        }
    }

    /** @return whether the webapps are served here, with Camunda's filter set up */
    private boolean setUp(ServletContext context) throws ServletException {
        if (ready) {
            return true;
        }
        synchronized (this) {
            if (!ready) {
                FilterRegistration camundas = context.getFilterRegistration(CAMUNDAS_FILTER);
                if (camundas == null) {
                    return false;
                }
                init(new FilterConfig() {
                    @Override
                    public String getFilterName() {
                        return CAMUNDAS_FILTER;
                    }

                    @Override
                    public ServletContext getServletContext() {
                        return context;
                    }

                    @Override
                    public String getInitParameter(String name) {
                        return camundas.getInitParameter(name);
                    }

                    @Override
                    public Enumeration<String> getInitParameterNames() {
                        return Collections.enumeration(camundas.getInitParameters().keySet());
                    }
                });
                ready = true;
            }
            return true;
        }
    }
}
