package org.reviewcycle.staff;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import will do, or did: the people it creates, those it changes (each changed field in
 * words: "Job title: Teacher → Deputy head"), how many it leaves as they are, who it marks as
 * leavers, and every bad row with its line (for JSON, the row's number from 1) and what is wrong.
 * A file with any bad row is not imported at all.
 */
public record ImportPreview(List<Created> created, List<Changed> changed, int unchanged, List<Leaver> leavers,
        List<Problem> problems) {

    public record Created(long line, String staffNumber, String name, String jobTitle, String category) {
    }

    public record Changed(long line, String staffNumber, String name, List<String> changes) {
    }

    public record Leaver(String staffNumber, String name, LocalDate leftOn) {
    }

    public record Problem(long line, String staffNumber, String message) {
    }

    public boolean importable() {
        return problems.isEmpty();
    }
}
