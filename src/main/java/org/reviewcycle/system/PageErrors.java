package org.reviewcycle.system;

import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.common.NotPermittedException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals from our pages and endpoints, as a person or a script meets them: one sentence naming
 * what is wrong, never an exception's class or a stack trace. A page gets the refusal page
 * (templates/error/refused.html) with the right status; a JSON endpoint a problem detail.
 * A bad value is a 400, a refusal a 403, something missing a 404, a conflict with the state of
 * things (a cycle already closed) a 409. A lost database is not answered here but, on every path,
 * by {@link DatabaseUnreachableFilter}: 503 and "try again".
 */
@ControllerAdvice(basePackages = "org.reviewcycle")
class PageErrors {

    @ExceptionHandler(NotPermittedException.class)
    Object notPermitted(NotPermittedException e, HandlerMethod handler) {
        return refuse(HttpStatus.FORBIDDEN, e.getMessage(), handler);
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HandlerMethod handler) {
        return refuse(HttpStatus.NOT_FOUND, e.getMessage(), handler);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object badValue(IllegalArgumentException e, HandlerMethod handler) {
        return refuse(HttpStatus.BAD_REQUEST, e.getMessage(), handler);
    }

    @ExceptionHandler(IllegalStateException.class)
    Object conflict(IllegalStateException e, HandlerMethod handler) {
        return refuse(HttpStatus.CONFLICT, e.getMessage(), handler);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object badParameter(MethodArgumentTypeMismatchException e, HandlerMethod handler) {
        return refuse(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName() + ".", handler);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HandlerMethod handler) {
        return refuse(HttpStatus.BAD_REQUEST, "The request has no " + e.getParameterName() + ".", handler);
    }

    private static Object refuse(HttpStatus status, String sentence, HandlerMethod handler) {
        if (returnsBody(handler)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, sentence);
            problem.setTitle(status.getReasonPhrase());
            return ResponseEntity.status(status).body(problem);
        }
        var page = new ModelAndView("error/refused", status);
        page.addObject("status", status.value());
        page.addObject("heading", switch (status) {
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Not possible now";
            default -> "Please check what you entered";
        });
        page.addObject("sentence", sentence);
        return page;
    }

    private static boolean returnsBody(HandlerMethod handler) {
        return handler != null && (handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                || ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType()));
    }
}
