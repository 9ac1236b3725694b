package org.reviewcycle.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The links in emails: absolute, from {@code reviewcycle.mail.base-url} (the address people use to reach
 * ReviewCycle, README "Email"). A step's link goes to {@code /steps/{taskId}}, which opens it in Tasklist
 * for its person after they log in, so an email never holds Tasklist's own addresses.
 */
@Component
public class MailLinks {

    private final String baseUrl;

    MailLinks(@Value("${reviewcycle.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The link that opens a step (a task) for its person. */
    public String step(String taskId) {
        return page("/steps/" + taskId);
    }

    /** An absolute link to one of our pages, {@code path} beginning with a slash. */
    public String page(String path) {
        return baseUrl + path;
    }
}
