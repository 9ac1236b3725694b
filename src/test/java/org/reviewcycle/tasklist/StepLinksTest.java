package org.reviewcycle.tasklist;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.reviewcycle.support.ReviewDriver.values;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The link in a step's email, /steps/{taskId}: its person lands on the step in Tasklist; once done, a page
 * says so; the reviewer, another school's head and a colleague get "not in your task list" and learn nothing
 * of whose step it is; someone not logged in is sent to log in first.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StepLinksTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    TestSchool school;
    ReviewDriver review;
    Task reflection;

    @BeforeEach
    void aReviewAtItsFirstStep() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        var teachers = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        review = new ReviewDriver(tasks, forms, identity, management, runtime, staff, teachers.processInstanceId());
        reflection = review.openTask();
    }

    @Test
    void itsPersonLandsOnTheStepInTasklistAndLaterReadsThatItIsDone() throws Exception {
        var teacher = new AsPerson(users).as(school.teacher().username());
        mvc.perform(get("/steps/" + reflection.getId()).with(teacher))
                .andExpect(redirectedUrl("/camunda/app/tasklist/default/#/?task=" + reflection.getId()));

        review.submit(school.teacher().username(), values("strengths", "Relationships with pupils",
                "developmentWishes", "Extended writing", "objectiveIdeas", "Writing"));
        mvc.perform(get("/steps/" + reflection.getId()).with(teacher)).andExpect(status().isOk())
                .andExpect(content().string(containsString("This step is already done")))
                .andExpect(content().string(containsString("Reflect before the planning meeting")));
    }

    @Test
    void nobodyElseLearnsWhatTheStepIs() throws Exception {
        TestSchool other = TestSchool.create(schools, staff);
        for (String someoneElse : new String[] {school.leader().username(), school.head().username(),
                school.assistant().username(), other.head().username()}) {
            mvc.perform(get("/steps/" + reflection.getId()).with(new AsPerson(users).as(someoneElse)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("That step is not in your task list.")))
                    .andExpect(content().string(not(containsString(school.teacher().lastName()))));
        }
        mvc.perform(get("/steps/no-such-step").with(new AsPerson(users).as(school.teacher().username())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/steps/" + reflection.getId()).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/login"));
    }
}
