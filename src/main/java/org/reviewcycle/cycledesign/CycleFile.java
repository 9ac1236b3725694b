package org.reviewcycle.cycledesign;

import java.util.Locale;

/**
 * One file of a school's cycle, as the engine holds it in a deployment: the model (bpmn/), the
 * review plan decision, or a form (forms/). Its kind says which editor opens it.
 */
record CycleFile(String name, Kind kind) implements Comparable<CycleFile> {

    enum Kind {
        BPMN(".bpmn", "The cycle (BPMN)", "bpmn-editor"),
        DMN(".dmn", "Decision (DMN)", "dmn-editor"),
        FORM(".form", "Form", "form-editor");

        private final String extension;
        private final String words;
        private final String bundle;

        Kind(String extension, String words, String bundle) {
            this.extension = extension;
            this.words = words;
            this.bundle = bundle;
        }

        /** What the list of files calls it. */
        public String words() {
            return words;
        }

        /** The editor's script and style sheet under /editors/ (src/main/frontend/build.mjs). */
        public String bundle() {
            return bundle;
        }
    }

    /** The file's kind from its name, or null for a file no editor opens. */
    static CycleFile of(String name) {
        for (Kind kind : Kind.values()) {
            if (name.toLowerCase(Locale.ROOT).endsWith(kind.extension)) {
                return new CycleFile(name, kind);
            }
        }
        return null;
    }

    /** The name without its extension: the form's id, the process or decision id. */
    public String title() {
        return name.substring(0, name.length() - kind.extension.length());
    }

    @Override
    public int compareTo(CycleFile other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : name.compareTo(other.name);
    }
}
