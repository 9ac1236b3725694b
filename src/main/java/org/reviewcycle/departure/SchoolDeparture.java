package org.reviewcycle.departure;

import static org.reviewcycle.history.AdministrationHistory.fields;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.observation.ObservationService;
import org.reviewcycle.review.FinalReview;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The entry point for a school leaving the trust: what it holds, its export, and its deletion.
 * Trust admins only, checked here as well as by the page.
 */
@Service
public class SchoolDeparture {

    /** Engine queries and bulk deletions go a page at a time (the engine caps a query's results). */
    private static final int PAGE = 500;

    private final DepartureMapper rows;
    private final SchoolService schools;
    private final StaffService staff;
    private final ReviewService reviews;
    private final ObjectiveService objectives;
    private final ObservationService observations;
    private final AdministeredSchools administered;
    private final AdministrationHistory history;
    private final CurrentActor actor;
    private final RuntimeService runtime;
    private final HistoryService engineHistory;
    private final RepositoryService repository;
    private final ObjectWriter json;

    SchoolDeparture(DepartureMapper rows, SchoolService schools, StaffService staff, ReviewService reviews,
            ObjectiveService objectives, ObservationService observations, AdministeredSchools administered,
            AdministrationHistory history, CurrentActor actor, RuntimeService runtime, HistoryService engineHistory,
            RepositoryService repository, ObjectMapper json) {
        this.rows = rows;
        this.schools = schools;
        this.staff = staff;
        this.reviews = reviews;
        this.objectives = objectives;
        this.observations = observations;
        this.administered = administered;
        this.history = history;
        this.actor = actor;
        this.runtime = runtime;
        this.engineHistory = engineHistory;
        this.repository = repository;
        // the zip goes on after each file: writing one must not close it
        this.json = json.writerWithDefaultPrettyPrinter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** How many rows of each kind the school holds: what an export contains and a deletion removes. */
    public record Count(String label, String file, long rows) {
    }

    @Transactional(readOnly = true)
    public List<Count> summary(long schoolId) {
        requireSchool(schoolId);
        var counts = new ArrayList<Count>();
        for (SchoolTable table : SchoolTable.values()) {
            counts.add(new Count(table.label(), table.file(), rows.countRows(table.table(), schoolId)));
        }
        return counts;
    }

    /** The file name the export is offered under, e.g. hillcrest-2026-12-03.zip. */
    public String exportFileName(long schoolId) {
        return requireSchool(schoolId).code() + "-" + LocalDate.now() + ".zip";
    }

    /**
     * Writes everything the school holds to {@code out} as a zip, file by file as it is read: a CSV
     * file per table (README.md lists them), and in records/ each review's written record as JSON.
     * The stream is finished, not closed.
     */
    @Transactional(readOnly = true)
    public void export(long schoolId, OutputStream out) throws IOException {
        School school = requireSchool(schoolId);
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("school.json"));
        var about = new LinkedHashMap<String, Object>();
        about.put("school", school);
        about.put("exportedAt", LocalDateTime.now().withNano(0).toString());
        about.put("exportedBy", actor.username());
        about.put("files", Arrays.stream(SchoolTable.values()).map(SchoolTable::file).toList());
        json.writeValue(zip, about);
        zip.closeEntry();

        Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        for (SchoolTable table : SchoolTable.values()) {
            zip.putNextEntry(new ZipEntry(table.file()));
            var csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                    .setHeader(table.columns().toArray(String[]::new)).get());
            try (var cursor = rows.selectRows(table.table(), schoolId)) {
                for (Map<String, Object> row : cursor) {
                    csv.printRecord(values(table, row));
                }
            }
            csv.flush();
            zip.closeEntry();
        }
        for (long reviewId : rows.selectReviewIds(schoolId)) {
            zip.putNextEntry(new ZipEntry("records/review-" + reviewId + ".json"));
            json.writeValue(zip, writtenRecord(reviewId));
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Deletes the school, once its name is typed to confirm: the engine's data of its reviews (their
     * processes, tasks, timers and history, found by the instance ids our reviews hold and by the
     * school's tenant id; the tenant's deployments), then every row of the school in our tables.
     * One transaction: a failure leaves the school as it was. The trust's history keeps one entry
     * saying that the school left and how much was deleted.
     */
    @Transactional
    public School leave(long schoolId, String typedName) {
        School school = requireSchool(schoolId);
        if (typedName == null || !typedName.strip().equalsIgnoreCase(school.name().strip())) {
            throw new IllegalArgumentException("Type the school's name, " + school.name()
                    + ", exactly as it is shown here, to confirm");
        }
        String me = actor.username();
        if (staff.findByUsername(me).filter(person -> person.schoolId().equals(schoolId)).isPresent()) {
            throw new IllegalStateException("You work at " + school.name()
                    + ": deleting it would delete your own account. Ask another of the trust's administrators.");
        }
        String reason = school.name() + " left the trust";
        Set<String> instances = processInstancesOf(school);
        for (List<String> chunk : chunks(instances)) {
            runtime.deleteProcessInstancesIfExists(chunk, reason, true, true, false);
        }
        for (List<String> chunk : chunks(instances)) {
            engineHistory.deleteHistoricProcessInstancesIfExists(chunk);
        }
        Set<String> decisions = page((first, size) -> engineHistory.createHistoricDecisionInstanceQuery()
                .tenantIdIn(school.code()).listPage(first, size), HistoricDecisionInstance::getId);
        for (List<String> chunk : chunks(decisions)) {
            engineHistory.deleteHistoricDecisionInstancesBulk(chunk);
        }
        for (Deployment deployment : repository.createDeploymentQuery().tenantIdIn(school.code()).list()) {
            repository.deleteDeployment(deployment.getId(), true, true, true);
        }

        var before = new LinkedHashMap<String, String>();
        before.put("School", school.name());
        for (SchoolTable table : List.of(SchoolTable.STAFF, SchoolTable.REVIEWS)) {
            before.put(table.label(), String.valueOf(rows.countRows(table.table(), schoolId)));
        }
        keepPeopleOtherSchoolsHoldRecordsOf(school, reason);
        rows.unlinkStaff(schoolId);
        // its mail (sent or not, and any other school's unsent mail to its people), their email choices and the
        // school's reminder settings: not part of the export, and gone with the school
        rows.deleteMail(schoolId);
        rows.deleteMailPreferences(schoolId);
        rows.deleteReminderSettings(schoolId);
        List<SchoolTable> childrenFirst = new ArrayList<>(List.of(SchoolTable.values()));
        Collections.reverse(childrenFirst);
        childrenFirst.forEach(table -> rows.deleteRows(table.table(), schoolId));
        history.record(new Subject(null, null, "School", schoolId, school.name()),
                "School left the trust: its records were deleted", before, null);
        return school;
    }

    /**
     * Someone who moved to the leaving school from another school of the trust is named by that school's reviews
     * (theirs, or those they held as reviewer), which are its records and stay. So they stay too, as that
     * school's leaver from the day before they moved, without a login; the rest of them goes with this school.
     */
    private void keepPeopleOtherSchoolsHoldRecordsOf(School school, String reason) {
        String by = actor.username();
        for (KeptStaff person : rows.selectStaffWithRecordsElsewhere(school.id())) {
            LocalDate leftOn = person.startedOn() == null ? LocalDate.now() : person.startedOn().minusDays(1);
            rows.updateKeptAsLeaver(person.staffId(), person.schoolId(), leftOn, by);
            history.record(new Subject(person.schoolId(), person.staffId(), "Staff member", person.staffId(),
                    person.name()), "Kept as a leaver: " + reason, fields("Works at", school.name()),
                    fields("Works at", "none", "Leaving date",
                            leftOn.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))));
        }
        rows.unlinkOtherSchoolsStaff(school.id(), "reviewer_id");
        rows.unlinkOtherSchoolsStaff(school.id(), "line_manager_id");
    }

    private School requireSchool(long schoolId) {
        administered.requireTrustAdmin();
        return schools.findSchool(schoolId)
                .orElseThrow(() -> new NotFoundException("There is no school with number " + schoolId + "."));
    }

    /** Every process instance of the school: those our reviews name, and any carrying its tenant id. */
    private Set<String> processInstancesOf(School school) {
        var ids = new LinkedHashSet<>(rows.selectProcessInstanceIds(school.id()));
        ids.addAll(page((first, size) -> runtime.createProcessInstanceQuery().tenantIdIn(school.code())
                .orderByProcessInstanceId().asc().listPage(first, size), ProcessInstance::getId));
        ids.addAll(page((first, size) -> engineHistory.createHistoricProcessInstanceQuery().tenantIdIn(school.code())
                .orderByProcessInstanceId().asc().listPage(first, size), HistoricProcessInstance::getId));
        return ids;
    }

    private static <T> Set<String> page(BiFunction<Integer, Integer, List<T>> query,
            Function<T, String> id) {
        var ids = new LinkedHashSet<String>();
        for (int first = 0;; first += PAGE) {
            List<T> found = query.apply(first, PAGE);
            found.forEach(item -> ids.add(id.apply(item)));
            if (found.size() < PAGE) {
                return ids;
            }
        }
    }

    private static List<List<String>> chunks(Set<String> ids) {
        var list = List.copyOf(ids);
        var chunks = new ArrayList<List<String>>();
        for (int i = 0; i < list.size(); i += PAGE) {
            chunks.add(list.subList(i, Math.min(list.size(), i + PAGE)));
        }
        return chunks;
    }

    private static List<String> values(SchoolTable table, Map<String, Object> row) {
        // H2 names columns in upper case, MySQL and MariaDB in lower case
        var byName = new TreeMap<String, Object>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(row);
        return table.columns().stream().map(column -> {
            Object value = byName.get(column);
            if (value == null) {
                return "";
            }
            return value instanceof Timestamp timestamp ? timestamp.toLocalDateTime().toString() : value.toString();
        }).toList();
    }

    /** One review as the people in it wrote it, step by step: what a head or the person may ask to read. */
    private Map<String, Object> writtenRecord(long reviewId) {
        ReviewFacts facts = reviews.facts(reviewId);
        var record = new LinkedHashMap<String, Object>();
        var review = new LinkedHashMap<String, Object>();
        review.put("id", reviewId);
        review.put("academicYear", facts.cycle().academicYear());
        review.put("reviewee", facts.reviewee().fullName());
        review.put("staffNumber", facts.reviewee().staffNumber());
        review.put("jobTitle", facts.reviewee().jobTitle());
        review.put("reviewer", facts.reviewer().fullName());
        review.put("state", facts.review().state());
        review.put("endReason", reviews.endReason(reviewId).orElse(null));
        record.put("review", review);
        record.put("selfReflection", reviews.selfReflection(reviewId).orElse(null));
        record.put("objectives", objectives.currentObjectives(reviewId));
        record.put("objectiveDecisions", objectives.decisions(reviewId));
        record.put("objectiveResponses", objectives.responses(reviewId));
        record.put("midYearProgress", reviews.midYearProgress(reviewId));
        record.put("lessonObservations", observations.observationsOf(reviewId));
        var finalReview = reviews.finalReview(reviewId);
        record.put("finalReview", finalReview.orElse(null));
        record.put("objectiveOutcomes", finalReview.map(FinalReview::id).map(reviews::outcomes).orElse(List.of()));
        record.put("revieweeSignOff", reviews.revieweeSignOff(reviewId).orElse(null));
        record.put("headSignOffs", reviews.finalReviewDecisions(reviewId));
        return record;
    }
}
