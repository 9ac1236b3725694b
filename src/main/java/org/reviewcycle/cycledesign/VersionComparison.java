package org.reviewcycle.cycledesign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A version of a school's cycle against the version before it, for the diff page: the two model
 * files the browser compares (bpmn-js-differ), and a line in words for each other file that
 * changed (the review plan decision, each form), the server's own comparison of the files.
 *
 * @param previous the version before, or null for the first
 * @param fileChanges sentences, one per file added, removed or changed, or one saying none was
 */
record VersionComparison(int version, Integer previous, String modelFile, String previousModelFile,
        List<String> fileChanges) {

    static List<String> fileChanges(Map<String, String> before, Map<String, String> after) {
        var lines = new ArrayList<String>();
        boolean planChanged = false;
        var names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            CycleFile file = CycleFile.of(name);
            if (file == null || file.kind() == CycleFile.Kind.BPMN) {
                continue;
            }
            String words = file.kind() == CycleFile.Kind.DMN ? "The review plan decision (" + name + ")"
                    : "The form " + file.title();
            if (!before.containsKey(name)) {
                lines.add(words + " was added.");
            } else if (!after.containsKey(name)) {
                lines.add(words + " was removed.");
            } else if (!before.get(name).equals(after.get(name))) {
                lines.add(words + " changed.");
            } else {
                continue;
            }
            planChanged |= file.kind() == CycleFile.Kind.DMN;
        }
        if (!planChanged) {
            lines.add(0, "The review plan decision did not change.");
        }
        if (lines.stream().noneMatch(line -> line.startsWith("The form"))) {
            lines.add("No form changed.");
        }
        return List.copyOf(lines);
    }
}
