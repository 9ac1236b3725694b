package org.reviewcycle.notification;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email from its two templates under {@code templates/mail/}: {@code <name>.txt} (Thymeleaf's
 * TEXT mode) and {@code <name>.html}. The plain-text template's first line is the subject, written
 * {@code Subject: ...}, and a blank line follows it; the rest is the plain-text body. Everything a template
 * shows is escaped (HTML) or written as it is (text): nobody's typing becomes markup in an email.
 * A template engine of its own (Spring's, so expressions are SpEL as on the pages), so that the pages'
 * resolvers and their Spring Security dialect are not involved.
 */
@Component
public class MailTemplates {

    static final String SUBJECT = "Subject: ";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        // the name given to the engine ends with the suffix, which picks the resolver (and so the mode)
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** The email written from template {@code name} with {@code values}. */
    public RenderedMail render(String name, Map<String, ?> values) {
        Context context = new Context(Locale.UK);
        values.forEach(context::setVariable);
        String text = engine.process(name + ".txt", context);
        String html = engine.process(name + ".html", context);
        if (!text.startsWith(SUBJECT)) {
            throw new IllegalStateException("templates/mail/" + name + ".txt must begin with '" + SUBJECT + "'");
        }
        int endOfSubject = text.indexOf('\n');
        String subject = (endOfSubject < 0 ? text : text.substring(0, endOfSubject)).substring(SUBJECT.length()).strip();
        String body = endOfSubject < 0 ? "" : text.substring(endOfSubject + 1).stripLeading();
        return new RenderedMail(subject, body, html);
    }
}
