package org.reviewcycle.common;

/** What was asked for does not exist (a 404 with the sentence, which names what was looked for). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String sentence) {
        super(sentence);
    }
}
