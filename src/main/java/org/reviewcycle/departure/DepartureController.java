package org.reviewcycle.departure;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.reviewcycle.school.School;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page a trust admin uses when a school leaves the trust: download, then delete. */
@Controller
class DepartureController {

    private final SchoolDeparture departure;

    DepartureController(SchoolDeparture departure) {
        this.departure = departure;
    }

    @GetMapping("/admin/schools/{schoolId}/leave")
    String page(@PathVariable long schoolId, Model model) {
        return show(schoolId, model, "", null);
    }

    /** The zip goes to the browser as it is written: a large school's export is never held in memory. */
    @GetMapping("/admin/schools/{schoolId}/leave/export")
    void export(@PathVariable long schoolId, HttpServletResponse response) throws IOException {
        String fileName = departure.exportFileName(schoolId);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        departure.export(schoolId, response.getOutputStream());
    }

    @PostMapping("/admin/schools/{schoolId}/leave")
    String leave(@PathVariable long schoolId, @RequestParam(defaultValue = "") String confirmName, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        School school;
        try {
            school = departure.leave(schoolId, confirmName);
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // shown beside the field, with what was typed, as every form of ours does
            response.setStatus(refused instanceof IllegalArgumentException ? 400 : 409);
            return show(schoolId, model, confirmName, refused.getMessage());
        }
        redirect.addFlashAttribute("leftSchool", school.name());
        return "redirect:/admin/trust/departed";
    }

    /** Where the trust admin lands once the school has gone (its own pages have gone with it). */
    @GetMapping("/admin/trust/departed")
    String departed(Model model) {
        return model.containsAttribute("leftSchool") ? "departure/left" : "redirect:/admin";
    }

    private String show(long schoolId, Model model, String typed, String error) {
        model.addAttribute("counts", departure.summary(schoolId));
        model.addAttribute("confirmName", typed);
        model.addAttribute("error", error);
        return "departure/leave";
    }
}
