package org.reviewcycle.tasklist;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;

/**
 * The first login after a start took one to two seconds longer than the next: Camunda registers
 * the webapps' APIs (Tasklist, Cockpit, Admin, Welcome and the engine API under /camunda/api) as
 * Jersey servlets that start on their first request, so the first person to log in waited for
 * Jersey to scan and build each application the page calls. Here they start as soon as the server
 * has, before anyone can log in. Spring MVC's dispatcher, which serves the login page and the
 * webapps' files, starts with the server too (spring.mvc.servlet.load-on-startup). Each API starts
 * with {@link EngineApiJson}, its JSON mapper made once instead of at each request.
 */
@Component
class WebappWarmUp implements SmartInitializingSingleton {

    static final String JERSEY_SERVLET = "org.glassfish.jersey.servlet.ServletContainer";
    static final String APPLICATION = "jakarta.ws.rs.Application";
    static final String ENGINE_API = "org.camunda.bpm.webapp.impl.engine.EngineRestApplication";
    private static final Logger log = LoggerFactory.getLogger(WebappWarmUp.class);

    private final ApplicationContext context;

    WebappWarmUp(ApplicationContext context) {
        this.context = context;
    }

    @EventListener
    void startJerseyServlets(ServletWebServerInitializedEvent event) throws ServletException {
        if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        long start = System.nanoTime();
        List<Wrapper> servlets = jerseyServlets(tomcat);
        for (Wrapper servlet : servlets) {
            servlet.load();
        }
        log.info("Started the webapps' {} API servlets in {} ms", servlets.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The webapps' APIs are named {@link EngineApiJson} as a provider once the server has made them and before it
     * takes requests: here every bean is made (Tomcat's context has started, so Camunda has registered its
     * servlets), and Spring has yet to open the server's port.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (context instanceof ServletWebServerApplicationContext web && web.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Wrapper servlet : jerseyServlets(tomcat)) {
                if (servlet.findInitParameter(APPLICATION) != null) { // Camunda's; /engine-rest's is Spring's, below
                    servlet.addInitParameter(ServerProperties.PROVIDER_CLASSNAMES, EngineApiJson.class.getName());
                }
            }
        }
    }

    /** {@code /engine-rest} (the Camunda starter's own Jersey application) shares the engine API's JSON mapper too. */
    @Bean
    static ResourceConfigCustomizer engineRestJson() {
        return config -> config.register(EngineApiJson.class);
    }

    /** The webapps' API servlets (Jersey applications) of every context of the server. */
    static List<Wrapper> jerseyServlets(TomcatWebServer tomcat) {
        var servlets = new ArrayList<Wrapper>();
        for (Container context : tomcat.getTomcat().getHost().findChildren()) {
            for (Container child : ((Context) context).findChildren()) {
                if (child instanceof Wrapper servlet && JERSEY_SERVLET.equals(servlet.getServletClass())) {
                    servlets.add(servlet);
                }
            }
        }
        return servlets;
    }
}
