package org.reviewcycle.benchmark;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.reviewcycle.ReviewCycleApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application, as {@code ./mvnw spring-boot:run} starts it (web server, webapps, job
 * executor, the profile's settings), on an empty benchmark database, with its DataSource wrapped
 * by a {@link WriteCounter}. The demo school stays off: the benchmark brings its own trust.
 */
final class BenchmarkApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WriteCounter writes = new WriteCounter();

    BenchmarkApplication(BenchmarkDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.prepareEmpty());
        properties.put("server.port", "0");
        properties.put("reviewcycle.demo.enabled", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.reviewcycle.benchmark", "INFO");
        properties.put("spring.main.banner-mode", "off");
        var application = new SpringApplicationBuilder(ReviewCycleApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String beanName) {
                        return bean instanceof DataSource dataSource && beanName.equals("dataSource")
                                ? writes.wrap(dataSource) : bean;
                    }
                }));
        if (!database.profile().equals("default")) {
            application.profiles(database.profile());
        }
        // as command-line arguments, which win over the profile's properties files
        this.context = application.run(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    WriteCounter writes() {
        return writes;
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
