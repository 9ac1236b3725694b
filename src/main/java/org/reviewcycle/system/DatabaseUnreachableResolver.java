package org.reviewcycle.system;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The database lost while one of our controllers (or the layout's model) was reading it: the
 * 503 "try again" of {@link DatabaseUnreachableAnswer}, given first among Spring MVC's exception
 * resolvers. Without it, Spring's DefaultHandlerExceptionResolver takes a failure whose causes
 * include an {@code EOFException} or "connection reset by peer" (what MySQL Connector/J throws
 * when the database server dies under a pooled connection) for a browser that went away, and
 * answers nothing at all: an empty 200.
 */
class DatabaseUnreachableResolver implements HandlerExceptionResolver {

    private final DatabaseUnreachableAnswer answer;

    DatabaseUnreachableResolver(DatabaseUnreachableAnswer answer) {
        this.answer = answer;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception thrown) {
        if (!DatabaseUnreachableAnswer.answers(thrown, response)) {
            return null;
        }
        try {
            answer.write(request, response, thrown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelAndView(); // answered: nothing more to render
    }
}
