package org.reviewcycle.dryrun;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a dry run found: one path per staff category of the school, the problems that stop the
 * model from being published (a step nobody can be given, a step no path can reach, a path that
 * never ends, an error while running), and notes that do not (a category nobody at the school is
 * in, a step reached only on other answers than the dry run's).
 *
 * @param model which model ran, in words ("the cycle Littletown Primary runs now")
 */
public record DryRunReport(String school, String academicYear, String model, List<DryRunPath> paths,
        List<String> problems, List<String> notes) {

    /** Whether the model may be published: the dry run found no problem. */
    @JsonProperty("passed")
    public boolean passed() {
        return problems.isEmpty();
    }

    /** The sentence that refuses publishing while the dry run fails; null when it passed. */
    @JsonProperty("refusal")
    public String refusal() {
        if (passed()) {
            return null;
        }
        return "This model cannot be published: its dry run found " + (problems.size() == 1 ? "a problem"
                : problems.size() + " problems") + ". " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more on the dry run page)" : "");
    }
}
