package org.reviewcycle.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.reviewcycle.common.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point for the history of administration. Feature services call {@link #record} inside
 * their own transaction (MANDATORY): a change that rolls back leaves no history, and no change is
 * made without its history.
 */
@Service
public class AdministrationHistory {

    /** Each of before and after is kept in at most this many characters (the column holds 4,000). */
    private static final int MAX_JSON = 3900;
    private static final int BATCH = 500;
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
    };

    private final AdminChangeMapper changes;
    private final CurrentActor actor;
    private final ObjectMapper json;

    AdministrationHistory(AdminChangeMapper changes, CurrentActor actor, ObjectMapper json) {
        this.changes = changes;
        this.actor = actor;
        this.json = json;
    }

    /**
     * Records one change. {@code before} and {@code after} name each field in the words of the page
     * that changed it ("Reviewer" to "David Okafor"); null before a creation, after a removal.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Subject subject, String action, Map<String, String> before, Map<String, String> after) {
        changes.insertChange(new AdminChange(null, subject.schoolId(), subject.staffId(), subject.type(), subject.id(),
                limit(subject.name(), 300), limit(action, 300), toJson(before), toJson(after), actor.username(), null));
    }

    /** One change for {@link #recordAll}: what {@link #record} takes. */
    public record Change(Subject subject, String action, Map<String, String> before, Map<String, String> after) {
    }

    /** Records many changes at once, a few hundred rows a statement (an import of a school's staff). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Change> all) {
        String by = actor.username();
        var rows = all.stream().map(c -> new AdminChange(null, c.subject().schoolId(), c.subject().staffId(),
                c.subject().type(), c.subject().id(), limit(c.subject().name(), 300), limit(c.action(), 300),
                toJson(c.before()), toJson(c.after()), by, null)).toList();
        for (int i = 0; i < rows.size(); i += BATCH) {
            changes.insertChanges(rows.subList(i, Math.min(i + BATCH, rows.size())));
        }
    }

    /** Changes newest first, for one school (null: every school and the trust), optionally about one person. */
    @Transactional(readOnly = true)
    public Page changes(Long schoolId, Long staffId, String text, int page, int pageSize) {
        String search = text == null || text.isBlank() ? null : text.strip();
        int size = Math.max(1, Math.min(pageSize, 200));
        int number = Math.max(page, 0);
        return new Page(changes.selectChanges(schoolId, staffId, search, size, number * size).stream()
                .map(this::entry).toList(), changes.countChanges(schoolId, staffId, search), number, size);
    }

    /**
     * The fields of a change in the order given, as label, value, label, value... (a value may be
     * null: "Closed on" before a school closes).
     */
    public static Map<String, String> fields(String... labelsAndValues) {
        if (labelsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Fields come in pairs of label and value");
        }
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            fields.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return fields;
    }

    /** What the subject of a change is: its school, the person it is about (if any), its kind, id and name. */
    public record Subject(Long schoolId, Long staffId, String type, Long id, String name) {
    }

    /** One change as a page shows it: the fields that differ, each with its value before and after. */
    public record Entry(AdminChange change, List<FieldChange> fields) {
    }

    public record FieldChange(String field, String before, String after) {
    }

    public record Page(List<Entry> entries, long total, int number, int size) {

        public boolean hasNext() {
            return (long) (number + 1) * size < total;
        }

        public boolean hasPrevious() {
            return number > 0;
        }
    }

    private Entry entry(AdminChange change) {
        Map<String, String> before = fromJson(change.beforeValue());
        Map<String, String> after = fromJson(change.afterValue());
        var names = new LinkedHashMap<String, Boolean>();
        before.keySet().forEach(k -> names.put(k, true));
        after.keySet().forEach(k -> names.put(k, true));
        var fields = names.keySet().stream()
                .filter(name -> !Objects.equals(before.get(name), after.get(name)))
                .map(name -> new FieldChange(name, before.get(name), after.get(name)))
                .toList();
        return new Entry(change, fields);
    }

    private String toJson(Map<String, String> fields) {
        if (fields == null) {
            return null;
        }
        var kept = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> kept.put(name, value == null ? null : limit(value, 500)));
        try {
            String written = json.writeValueAsString(kept);
            return written.length() <= MAX_JSON ? written : json.writeValueAsString(Map.of("Summary",
                    "Too long to keep in full; " + kept.size() + " fields"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History of a change could not be written", e);
        }
    }

    private Map<String, String> fromJson(String written) {
        if (written == null) {
            return Map.of();
        }
        try {
            return json.readValue(written, FIELDS);
        } catch (JsonProcessingException e) {
            return Map.of("Value", written);
        }
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
