package org.reviewcycle.cycles;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.process.LaunchReport;
import org.reviewcycle.process.ReviewProgress;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * Launching a school's cycle, for admins: {@code POST /api/cycles/{id}/launch} for API clients,
 * and the page {@code /cycles} (linked from Camunda's Welcome page) with a Launch button per cycle.
 * Security (admins only) is in SecurityConfiguration.
 */
@Controller
class CycleLaunchController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

    private final CycleLauncher launcher;
    private final SchoolService schools;
    private final ReviewService reviews;
    private final StaffService staff;
    private final ReviewProgress progress;

    CycleLaunchController(CycleLauncher launcher, SchoolService schools, ReviewService reviews, StaffService staff,
            ReviewProgress progress) {
        this.launcher = launcher;
        this.schools = schools;
        this.reviews = reviews;
        this.staff = staff;
        this.progress = progress;
    }

    @PostMapping(value = "/api/cycles/{cycleId}/launch", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    LaunchReport launchThroughApi(@PathVariable long cycleId) {
        return launcher.launch(cycleId);
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    ResponseEntity<String> refused(RuntimeException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @GetMapping(value = "/cycles", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String cycles(CsrfToken csrf) {
        var rows = schools.allCycles().stream().map(cycle -> row(cycle, csrf)).collect(Collectors.joining("\n"));
        return page("Review cycles", """
                <p>Launching a cycle starts a review for every active member of staff who has a reviewer.
                Launching again adds those who joined since; nobody gets a second review.</p>
                <table>
                  <thead><tr><th>School</th><th>Year</th><th>Objectives agreed by</th><th>Mid-year check from</th>
                  <th>Final review from</th><th>Due</th><th>State</th><th>Reviews</th><th></th></tr></thead>
                  <tbody>%s</tbody>
                </table>""".formatted(rows));
    }

    @PostMapping(value = "/cycles/{cycleId}/launch", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String launchFromPage(@PathVariable long cycleId) {
        LaunchReport report = launcher.launch(cycleId);
        String missing = report.withoutReviewer().isEmpty() ? "<p>Everyone active has a reviewer.</p>"
                : "<p class=\"message error\">No review for these staff, who have no reviewer yet or whose reviewer has left. Give them one "
                        + "and launch again:</p><ul>" + report.withoutReviewer().stream()
                        .map(name -> "<li>" + HtmlUtils.htmlEscape(name) + "</li>").collect(Collectors.joining())
                        + "</ul>";
        return page("Cycle launched", """
                <p class="message">%s, %s: %d reviews started now, %d were running already.</p>
                %s
                <p><a href="/cycles">Back to the review cycles</a> · <a href="/camunda/app/tasklist/default/">Tasklist</a></p>
                """.formatted(HtmlUtils.htmlEscape(report.schoolName()), HtmlUtils.htmlEscape(report.academicYear()),
                report.started(), report.alreadyRunning(), missing));
    }

    @GetMapping(value = "/cycles/{cycleId}/reviews", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String reviews(@PathVariable long cycleId, CsrfToken csrf) {
        ReviewCycle cycle = schools.findCycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + cycleId));
        String rows = progress.stepsOf(cycleId).stream().map(step -> {
            String action = step.timerJobId() == null ? "" : """
                    <form method="post" action="/cycles/%d/reviews/%d/bring-forward"><input type="hidden" name="%s" value="%s">
                    <button type="submit">Start it now</button></form>""".formatted(cycleId, step.review().id(),
                    HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
            return "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>".formatted(
                    name(step.review().staffId()), name(step.review().reviewerId()), HtmlUtils.htmlEscape(step.stepName()),
                    step.waitingUntil() != null ? "waiting until " + DAY.format(step.waitingUntil().toInstant()
                            .atZone(java.time.ZoneId.systemDefault())) : HtmlUtils.htmlEscape(step.holder()),
                    action);
        }).collect(Collectors.joining("\n"));
        return page("Reviews " + HtmlUtils.htmlEscape(cycle.academicYear()), """
                <p>Where each review stands. A review waiting for its mid-year or final review date can be
                started now, for someone back from leave or a team that meets early.</p>
                <table><thead><tr><th>Member of staff</th><th>Reviewer</th><th>Step</th><th>With</th><th></th></tr></thead>
                <tbody>%s</tbody></table>
                <p><a href="/cycles">Back to the review cycles</a></p>""".formatted(rows));
    }

    @PostMapping(value = "/cycles/{cycleId}/reviews/{reviewId}/bring-forward", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String bringForward(@PathVariable long cycleId, @PathVariable long reviewId) {
        ReviewProgress.Step step = progress.bringForward(reviewId);
        String who = name(step.review().staffId());
        String now = step.timerJobId() == null
                ? "The review of %s has moved on: %s.".formatted(who, HtmlUtils.htmlEscape(step.stepName()))
                // running the timer here failed; the job executor runs it shortly (see ReviewProgress)
                : "The review of %s moves on to its next step within a minute.".formatted(who);
        return page("Started", """
                <p class="message">%s</p>
                <p><a href="/cycles/%d/reviews">Back to the reviews</a></p>""".formatted(now, cycleId));
    }

    private String name(Long staffId) {
        return staff.find(staffId).map(m -> HtmlUtils.htmlEscape(m.fullName())).orElse("?");
    }

    private String row(ReviewCycle cycle, CsrfToken csrf) {
        String school = schools.findSchool(cycle.schoolId()).map(s -> s.name()).orElse("?");
        return """
                <tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td><a href="/cycles/%d/reviews">%d</a></td>
                <td><form method="post" action="/cycles/%d/launch"><input type="hidden" name="%s" value="%s">
                <button type="submit">Launch</button></form></td></tr>""".formatted(
                HtmlUtils.htmlEscape(school), cycle.academicYear(), cycle.objectivesAgreedBy(), cycle.midYearCheckFrom(),
                cycle.finalReviewFrom(), cycle.finalReviewDue(), cycle.state().name().toLowerCase(), cycle.id(),
                reviews.reviewsIn(cycle.id()).size(), cycle.id(), HtmlUtils.htmlEscape(csrf.getParameterName()),
                HtmlUtils.htmlEscape(csrf.getToken()));
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%s · ReviewCycle</title>
                <link rel="stylesheet" href="/reviewcycle.css"></head>
                <body><main class="page"><h1>%s</h1>%s</main></body>
                </html>""".formatted(title, title, body);
    }
}
