package org.reviewcycle.common;

/**
 * The person asking may not do this (another school's data, an admin page for a plain member of
 * staff): a 403 with the sentence, which says what is not allowed without telling what exists.
 */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String sentence) {
        super(sentence);
    }
}
