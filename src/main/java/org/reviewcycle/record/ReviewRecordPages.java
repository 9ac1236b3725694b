package org.reviewcycle.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.servlet.http.HttpServletResponse;

/**
 * One review's record (templates/record/review.html, the URL other pages link to), its written report as a
 * PDF, and the subject access export: everything held about the logged-in person as one zip (their data as
 * JSON and each review's report). Who may read what is {@link RecordAccess}'s, through {@link RecordService}.
 */
@Controller
class ReviewRecordPages {

    private final RecordService records;
    private final WrittenReport reports;
    private final ObjectMapper json;

    ReviewRecordPages(RecordService records, WrittenReport reports, ObjectMapper json) {
        this.records = records;
        this.reports = reports;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @GetMapping("/records/reviews/{reviewId}")
    String record(@PathVariable long reviewId, Model model) {
        model.addAttribute("page", records.readRecord(reviewId, RecordRead.What.PAGE));
        return "record/review";
    }

    @GetMapping("/records/reviews/{reviewId}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long reviewId) {
        ReviewRecord record = records.readRecord(reviewId, RecordRead.What.PDF).record();
        var pdf = new ByteArrayOutputStream();
        reports.render(record, pdf);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(WrittenReport.fileName(record)).build().toString())
                .body(pdf.toByteArray());
    }

    /** Everything about the logged-in person: about-you.json and written-reports/*.pdf, streamed. */
    @GetMapping("/records/everything.zip")
    void everything(HttpServletResponse response) {
        RecordService.SubjectAccess data = records.subjectAccess();
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("Everything-held-about-" + data.person().fullName().replaceAll("[^A-Za-z0-9]+", "-") + ".zip")
                .build().toString());
        try (var zip = new ZipEntries(response.getOutputStream())) {
            zip.add("about-you.json", out -> {
                try {
                    json.writeValue(out, data);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            data.reviews().forEach(review -> zip.addReport("written-reports/", reports, review));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
