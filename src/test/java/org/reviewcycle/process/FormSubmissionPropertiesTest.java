package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.*;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.values;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every form's submission fuzzed over HTTP, through the path Tasklist itself calls, as the person
 * whose task it is (logged in, with the webapps' XSRF token): each field of
 * the form (the keys its task's listener reads) gets good values, wrong ones, values of the wrong
 * type, markup, text too long, broken or deeply nested Json, or nothing at all. Whatever is sent,
 * the answer is never a 5xx; a refusal is a 4xx with one plain sentence, the task still open and
 * nothing written; an acceptance closes the task and keeps the whole submission.
 * <p>
 * jqwik runs these properties; the application is the one Spring's test context caches for
 * {@code @SpringBootTest(RANDOM_PORT)}, shared with the other web tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormSubmissionPropertiesTest {

    /** Tries per form: nine forms, a few hundred tries in all. */
    static final int TRIES = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestContextManager SPRING = new TestContextManager(FormSubmissionPropertiesTest.class);
    private static Reviews reviews;

    // --- the properties: one per form --------------------------------------------------------------

    @Property(tries = TRIES)
    void selfReflection(@ForAll("selfReflectionForm") String body) {
        reviews().submit(SELF_REFLECTION, body);
    }

    @Property(tries = TRIES)
    void planningMeeting(@ForAll("planningMeetingForm") String body) {
        reviews().submit(PLANNING_MEETING, body);
    }

    @Property(tries = TRIES)
    void approveObjectives(@ForAll("approveObjectivesForm") String body) {
        reviews().submit(APPROVE_OBJECTIVES, body);
    }

    @Property(tries = TRIES)
    void acknowledgeObjectives(@ForAll("acknowledgeObjectivesForm") String body) {
        reviews().submit(ACKNOWLEDGE_OBJECTIVES, body);
    }

    @Property(tries = TRIES)
    void midYearCheck(@ForAll("midYearCheckForm") String body) {
        reviews().submit(MID_YEAR_CHECK, body);
    }

    @Property(tries = TRIES)
    void lessonObservation(@ForAll("lessonObservationForm") String body) {
        reviews().submit(LESSON_OBSERVATION, body);
    }

    @Property(tries = TRIES)
    void finalReview(@ForAll("finalReviewForm") String body) {
        reviews().submit(FINAL_REVIEW, body);
    }

    @Property(tries = TRIES)
    void revieweeSignOff(@ForAll("revieweeSignOffForm") String body) {
        reviews().submit(REVIEWEE_SIGN_OFF, body);
    }

    @Property(tries = TRIES)
    void respondToObjectivesDisagreement(@ForAll("respondToObjectivesDisagreementForm") String body) {
        reviews().submit(RESPOND_TO_OBJECTIVES_DISAGREEMENT, body);
    }

    @Property(tries = TRIES)
    void selfReview(@ForAll("selfReviewForm") String body) {
        reviews().submit(SELF_REVIEW, body);
    }

    @Property(tries = TRIES)
    void respondToFinalReviewDisagreement(@ForAll("respondToFinalReviewDisagreementForm") String body) {
        reviews().submit(RESPOND_TO_FINAL_REVIEW_DISAGREEMENT, body);
    }

    @Property(tries = TRIES)
    void headSignOff(@ForAll("headSignOffForm") String body) {
        reviews().submit(HEAD_SIGN_OFF, body);
    }

    // --- the forms' fields (forms/*.form, and the keys org.reviewcycle.process.*Listener read) -----

    @Provide
    Arbitrary<String> selfReflectionForm() {
        return form(field("strengths", text()), field("developmentWishes", text()), field("objectiveIdeas", text()));
    }

    @Provide
    Arbitrary<String> planningMeetingForm() {
        return form(field("objectives", list(entry(field("title", text()), field("priorityCode", choice("W1", "M1")),
                field("successCriteria", text()), field("evidence", text()), field("cpdSupport", text()),
                field("joint", bool())))));
    }

    @Provide
    Arbitrary<String> approveObjectivesForm() {
        return form(field("decision", choice("APPROVE", "RETURN")), field("returnReason", text()));
    }

    @Provide
    Arbitrary<String> acknowledgeObjectivesForm() {
        return form(field("response", choice("ACKNOWLEDGE", "DISAGREE")), field("disagreementReason", text()));
    }

    @Provide
    Arbitrary<String> midYearCheckForm() {
        return form(field("progress", list(entry(field("position", number()), field("title", text()),
                field("successCriteria", text()), field("status", choice("ON_TRACK", "AT_RISK", "OFF_TRACK")),
                field("note", text())))), field("overallNote", text()));
    }

    @Provide
    Arbitrary<String> lessonObservationForm() {
        return form(field("observationDate", date()),
                field("judgement", choice("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE")),
                field("strengths", text()), field("areasToDevelop", text()), field("cpdNeeds", text()),
                field("focusObjectives", number().list().ofMaxSize(3).map(l -> (Object) l)));
    }

    @Provide
    Arbitrary<String> finalReviewForm() {
        return form(field("outcomes", list(entry(field("position", number()),
                        field("outcome", choice("MET", "PARTLY_MET", "NOT_MET")), field("evidence", text())))),
                field("impactOnPupils", text()), field("impactOnPractice", text()), field("impactOnColleagues", text()),
                field("cpdUndertaken", text()), field("cpdImpact", text()), field("developmentNeeds", text()),
                field("payRecommendation", choice("PROGRESS", "NO_PROGRESS")), field("payReason", text()));
    }

    @Provide
    Arbitrary<String> revieweeSignOffForm() {
        return form(field("revieweeComments", text()), field("disagree", bool()), field("disagreementReason", text()),
                field("confirmRead", bool()));
    }

    @Provide
    Arbitrary<String> respondToObjectivesDisagreementForm() {
        return form(field("objectivesDecision", choice("STAND", "PLANNING_MEETING")), field("headResponse", text()));
    }

    @Provide
    Arbitrary<String> selfReviewForm() {
        return form(field("selfReview", list(entry(field("position", number()), field("achieved", text()),
                field("evidence", text())))), field("overall", text()));
    }

    @Provide
    Arbitrary<String> respondToFinalReviewDisagreementForm() {
        return form(field("headResponse", text()));
    }

    @Provide
    Arbitrary<String> headSignOffForm() {
        return form(field("decision", choice("SIGN_OFF", "RETURN")), field("returnReason", text()),
                field("moderationNote", text()));
    }

    // --- values: mostly what the form would send, often not ---------------------------------------

    private record Field(String key, Arbitrary<Object> value) {
    }

    private static Field field(String key, Arbitrary<Object> value) {
        return new Field(key, value);
    }

    static Arbitrary<Object> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("Clear modelling of extended writing", "Pupils' books show progress",
                        "Line one\nLine two")),
                Tuple.of(1, Arbitraries.of("", "   ")),
                Tuple.of(1, Arbitraries.of("<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
                        "![x](http://127.0.0.1:9/x.png) **bold** _it_", "{{revieweeName}}")),
                Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.of("x".repeat(2001), "\u0000\uFFFF\uD83D\uDE00")),
                Tuple.of(1, Arbitraries.of(42, true, 1.5)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> choice(String... options) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(options)),
                Tuple.of(1, Arbitraries.of("MAYBE", options[0].toLowerCase(), " " + options[0], "")),
                Tuple.of(1, Arbitraries.of(1, false)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> bool() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(true, false)), Tuple.of(1, Arbitraries.of("yes", 1)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> number() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(1, 2)),
                Tuple.of(1, Arbitraries.of(0, -1, 99, 1.5, 1e300, "1", "one")),
                Tuple.of(1, Arbitraries.of(new BigInteger("99999999999999999999"), Integer.MAX_VALUE + 1L)),
                Tuple.of(1, Arbitraries.just(null)));
    }

    static Arbitrary<Object> date() {
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of("2026-11-10", "2026-11-10T09:30:00")),
                Tuple.of(2, Arbitraries.of("2999-01-01", "next Tuesday", "2026-02-30", "")),
                Tuple.of(1, Arbitraries.of(20261110, true)), Tuple.of(1, Arbitraries.just(null)));
    }

    /** One entry of a dynamic list: each of its fields there or not. */
    private static Arbitrary<Object> entry(Field... fields) {
        var parts = new ArrayList<Arbitrary<Map.Entry<String, Object>>>();
        for (Field f : fields) {
            Arbitrary<Map.Entry<String, Object>> present = f.value().map(v -> new java.util.AbstractMap.SimpleEntry<>(f.key(), v));
            parts.add(Arbitraries.frequencyOf(Tuple.of(9, present), Tuple.of(1, Arbitraries.just(null))));
        }
        return net.jqwik.api.Combinators.combine(parts).as(entries -> {
            var entry = new LinkedHashMap<String, Object>();
            entries.stream().filter(e -> e != null).forEach(e -> entry.put(e.getKey(), e.getValue()));
            return (Object) entry;
        });
    }

    private static Arbitrary<Object> list(Arbitrary<Object> entry) {
        return Arbitraries.frequencyOf(Tuple.of(8, entry.list().ofMinSize(0).ofMaxSize(6).map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.of("hello", 7)),
                Tuple.of(1, Arbitraries.just(List.of("an entry that is text"))));
    }

    /**
     * A submit-form body: each field sent (or not) as Tasklist would, or as an attacker would. Most
     * bodies have one field spoiled for sure, so that most tries test a refusal; an accepted one
     * costs a new review driven to the task.
     */
    private static Arbitrary<String> form(Field... fields) {
        var parts = new ArrayList<Arbitrary<Map.Entry<String, Object>>>();
        for (Field f : fields) {
            Arbitrary<Map.Entry<String, Object>> sent = variable(f.value())
                    .map(v -> new java.util.AbstractMap.SimpleEntry<>(f.key(), v));
            parts.add(Arbitraries.frequencyOf(Tuple.of(9, sent), Tuple.of(1, Arbitraries.just(null))));
        }
        Arbitrary<Integer> spoiled = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(-1)),
                Tuple.of(9, Arbitraries.integers().between(0, fields.length - 1)));
        Arbitrary<Boolean> extraField = Arbitraries.frequency(Tuple.of(19, false), Tuple.of(1, true));
        return net.jqwik.api.Combinators.combine(net.jqwik.api.Combinators.combine(parts).as(l -> l), spoiled,
                        JUNK, extraField)
                .as((entries, spoil, junk, extra) -> {
                    var variables = new LinkedHashMap<String, Object>();
                    entries.stream().filter(e -> e != null).forEach(e -> variables.put(e.getKey(), e.getValue()));
                    if (spoil >= 0) {
                        variables.put(fields[spoil].key(), junk);
                    }
                    if (extra) {
                        variables.put("reviewerUsername", Map.of("value", "someone", "type", "String"));
                    }
                    return json(Map.of("variables", variables));
                });
    }

    /** What no form sends for any field. */
    private static final Arbitrary<Object> JUNK = Arbitraries.of(
            "a bare string", List.of(1, 2), Map.of("value", List.of(1)),
            Map.of("value", "rO0ABXA=", "type", "Object"), Map.of("value", "abc", "type", "Integer"),
            Map.of("value", "[".repeat(40) + "]".repeat(40), "type", "Json"),
            Map.of("value", "{not json", "type", "Json"), Map.of("value", "x", "type", "Bytes"),
            Map.of("value", "[]", "type", "Spreadsheet"), Map.of("value", "x".repeat(2001), "type", "String"),
            Map.of("value", 1e300, "type", "Double"), Map.of("value", "<img src=x onerror=alert(1)>", "type", "Json"));

    /** A field as the REST API receives it: {"value": ..., "type": ...}, lists and maps as Json text. */
    private static Arbitrary<Object> variable(Arbitrary<Object> plain) {
        Arbitrary<Object> typed = plain.map(FormSubmissionPropertiesTest::typed);
        Arbitrary<Object> nullValue = Arbitraries.of(Map.of("type", "Null"), Map.of("value", "null", "type", "Json"));
        return Arbitraries.frequencyOf(Tuple.of(12, typed), Tuple.of(1, JUNK), Tuple.of(1, nullValue));
    }

    private static Object typed(Object value) {
        var variable = new LinkedHashMap<String, Object>();
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            variable.put("value", json(value));
            variable.put("type", "Json");
        } else {
            variable.put("value", value);
            variable.put("type", value == null ? "Null" : value instanceof String ? "String"
                    : value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer"
                    : value instanceof Long || value instanceof BigInteger ? "Long" : "Double");
        }
        return variable;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the reviews the tries work on ---------------------------------------------------------------

    private static synchronized Reviews reviews() {
        if (reviews == null) {
            reviews = new Reviews(SPRING.getTestContext().getApplicationContext());
        }
        return reviews;
    }

    /**
     * For each task of the cycle, a review waiting at it (a teacher's, so that every step is on the
     * path: observations, pay). A refused try leaves it waiting; an accepted one uses it up, and the
     * next try at that task gets a new school's review, driven there with correct forms.
     */
    private static final class Reviews {

        private final ApplicationContext context;
        private final JdbcTemplate jdbc;
        private final TaskService tasks;
        private final RuntimeService runtime;
        private final int port;
        private final Map<String, Waiting> waiting = new TreeMap<>();
        private final Map<String, WebSession> sessions = new java.util.HashMap<>();

        private record Waiting(TestSchool school, ReviewDriver driver, long reviewId) {
        }

        Reviews(ApplicationContext context) {
            this.context = context;
            this.jdbc = context.getBean(JdbcTemplate.class);
            this.tasks = context.getBean(TaskService.class);
            this.runtime = context.getBean(RuntimeService.class);
            this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        }

        void submit(String step, String body) {
            Waiting at = at(step);
            Task task = at.driver().openTask();
            String person = username(at.school(), step);
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), person);
            }
            Map<String, Long> rowsBefore = ReviewRows.of(jdbc, at.reviewId());
            var variablesBefore = new TreeSet<>(runtime.getVariables(task.getProcessInstanceId()).keySet());
            var formBefore = String.valueOf(new TreeMap<>(tasks.getVariablesLocal(task.getId())));

            var response = sessions.computeIfAbsent(person, p -> WebSession.loggedIn(port, p, "demo").openTasklist())
                    .postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", body);

            assertThat(response.statusCode()).as("%s: %s answered %s", step, body, response.body()).isLessThan(500);
            if (response.statusCode() == 204) {
                assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is completed").isZero();
                Map<String, Long> rowsAfter = ReviewRows.of(jdbc, at.reviewId());
                assertThat(rowsAfter).as("the whole submission is kept").isNotEqualTo(rowsBefore)
                        .allSatisfy((table, count) -> assertThat(count).isGreaterThanOrEqualTo(rowsBefore.get(table)));
                waiting.remove(step);
                return;
            }
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            String message = message(response.body());
            MalformedSubmissionTest.assertPlainSentence(message);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
            assertThat(ReviewRows.of(jdbc, at.reviewId())).as("nothing written").isEqualTo(rowsBefore);
            assertThat(new TreeSet<>(runtime.getVariables(task.getProcessInstanceId()).keySet()))
                    .as("no process variable added").isEqualTo(variablesBefore);
            assertThat(String.valueOf(new TreeMap<>(tasks.getVariablesLocal(task.getId())))).as("the form as it was")
                    .isEqualTo(formBefore);
        }

        private Waiting at(String step) {
            Waiting at = waiting.get(step);
            if (at != null && step.equals(at.driver().openTaskKey())) {
                return at;
            }
            var school = TestSchool.create(context.getBean(SchoolService.class), context.getBean(StaffService.class));
            context.getBean(CycleLauncher.class).launch(school.cycle().id());
            var review = context.getBean(ReviewService.class).reviewsIn(school.cycle().id()).stream()
                    .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
            var driver = new ReviewDriver(tasks, context.getBean(FormService.class), context.getBean(IdentityService.class),
                    context.getBean(ManagementService.class), runtime, context.getBean(StaffService.class),
                    review.processInstanceId());
            while (!step.equals(driver.openTaskKey())) {
                advance(school, driver, step);
            }
            at = new Waiting(school, driver, review.id());
            waiting.put(step, at);
            return at;
        }

        /** One correct step of the cycle towards {@code target}: a disagreement where the target is the head's answer to one. */
        private static void advance(TestSchool school, ReviewDriver driver, String target) {
            String step = driver.openTaskKey();
            if (step == null) {
                driver.fireTimer();
                return;
            }
            boolean disagree = step.equals(ACKNOWLEDGE_OBJECTIVES) && target.equals(RESPOND_TO_OBJECTIVES_DISAGREEMENT)
                    || step.equals(REVIEWEE_SIGN_OFF) && target.equals(RESPOND_TO_FINAL_REVIEW_DISAGREEMENT);
            String person = username(school, step);
            switch (step) {
                case SELF_REFLECTION -> driver.submit(person, values("strengths", "Phonics"));
                case PLANNING_MEETING -> driver.submit(person, BadInputTest.plan(BadInputTest.goodObjective(),
                        objective("Develop pupils' reasoning in maths lessons", "M1", false)));
                case APPROVE_OBJECTIVES -> driver.submit(person, values("decision", "APPROVE", "returnReason", null));
                case ACKNOWLEDGE_OBJECTIVES -> driver.submit(person, values("response", disagree ? "DISAGREE" : "ACKNOWLEDGE",
                        "disagreementReason", disagree ? "Too many objectives" : null));
                case MID_YEAR_CHECK -> driver.submit(person, BadInputTest.midYearCheck(driver, p -> p.put("status", "ON_TRACK")));
                case LESSON_OBSERVATION -> driver.submit(person, BadInputTest.observation());
                case FINAL_REVIEW -> driver.submit(person, BadInputTest.finalReview(driver, true, o -> { }));
                case REVIEWEE_SIGN_OFF -> driver.submit(person, values("revieweeComments", "Fair", "confirmRead", true,
                        "disagree", disagree, "disagreementReason", disagree ? "Objective 2 was met" : null));
                case SELF_REVIEW -> {
                    @SuppressWarnings("unchecked")
                    var entries = (List<Map<String, Object>>) SubmittedFormAccess.list(driver.taskVariables().get("selfReview"));
                    entries.forEach(e -> e.put("achieved", "Met it"));
                    driver.submit(person, values("selfReview", ReviewDriver.json(entries)));
                }
                default -> throw new IllegalStateException("No correct form for " + step);
            }
        }

        private static String username(TestSchool school, String step) {
            return switch (step) {
                case SELF_REFLECTION, ACKNOWLEDGE_OBJECTIVES, SELF_REVIEW, REVIEWEE_SIGN_OFF -> school.teacher().username();
                case APPROVE_OBJECTIVES, RESPOND_TO_OBJECTIVES_DISAGREEMENT, RESPOND_TO_FINAL_REVIEW_DISAGREEMENT,
                        HEAD_SIGN_OFF -> school.head().username();
                default -> school.leader().username();
            };
        }

        private static String message(String body) {
            try {
                return JSON.readTree(body).path("message").asText();
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }
    }
}
