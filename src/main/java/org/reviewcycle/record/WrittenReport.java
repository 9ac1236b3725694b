package org.reviewcycle.record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The written appraisal report of one review as a PDF: templates/record/report.html rendered by Thymeleaf,
 * then by openhtmltopdf into a tagged PDF (PDF/UA: structure, reading order, the title and language, real
 * text) with its one font embedded. The font is Liberation Sans, which PDFBox ships in its jar
 * (SIL Open Font Licence), so the report looks the same on every server and nothing is read from the
 * machine's fonts. It has one weight: headings stand out by size and colour.
 */
@Component
public class WrittenReport {

    static final String FONT_FAMILY = "Report Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ITemplateEngine templates;
    private final byte[] font;

    WrittenReport(ITemplateEngine templates) {
        this.templates = templates;
        try (InputStream in = WrittenReport.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's Liberation Sans is not on the class path: " + FONT);
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report of {@code record} (as its reader may see it) to {@code out}, which stays open. */
    public void render(ReviewRecord record, OutputStream out) {
        var context = new Context(Locale.UK);
        context.setVariable("r", record);
        String html = templates.process("record/report", context);
        var builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withProducer("ReviewCycle");
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The written report could not be written", e);
        }
    }

    /** The report's file name: the year, the person and the review, nothing a file system objects to. */
    public static String fileName(ReviewRecord record) {
        return (record.review().academicYear() + " " + record.reviewee().name() + " " + record.review().reviewId())
                .replaceAll("[^A-Za-z0-9]+", "-") + ".pdf";
    }
}
