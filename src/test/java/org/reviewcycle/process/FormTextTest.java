package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** People's words, escaped for a form-js text component (markdown rendered as HTML), come out as the same words. */
class FormTextTest {

    @Test
    void htmlIsWrittenAsEntities() {
        assertThat(FormText.literal("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src\\=x onerror\\=alert\\(1\\)&gt;");
        assertThat(FormText.literal("<script>alert('x')</script>")).doesNotContain("<", ">")
                .isEqualTo("&lt;script&gt;alert\\('x'\\)&lt;/script&gt;");
    }

    @Test
    void anAmpersandIsAnAmpersandEvenBeforeWhatLooksLikeAnEntity() {
        assertThat(FormText.literal("Maths & English &lt;")).isEqualTo("Maths &amp; English &amp;lt;");
    }

    @Test
    void markdownLinksImagesAndEmphasisAreEscaped() {
        assertThat(FormText.literal("![x](http://evil.example/a.png)"))
                .isEqualTo("\\!\\[x\\]\\(http\\://evil\\.example/a\\.png\\)");
        assertThat(FormText.literal("**bold** and _italic_ and `code`"))
                .isEqualTo("\\*\\*bold\\*\\* and \\_italic\\_ and \\`code\\`");
        assertThat(FormText.literal("{{revieweeName}}")).isEqualTo("\\{\\{revieweeName\\}\\}");
    }

    @Test
    void webAndMailAddressesAreNotMadeIntoLinks() {
        assertThat(FormText.literal("see https://example.org or www.example.org or head@school.org"))
                .isEqualTo("see https\\://example\\.org or www\\.example\\.org or head\\@school\\.org");
    }

    @Test
    void whatWouldStartABlockIsEscaped() {
        assertThat(FormText.literal("# Heading")).isEqualTo("\\# Heading");
        assertThat(FormText.literal("1. first")).isEqualTo("1\\. first");
        assertThat(FormText.literal("- item\n+ item")).isEqualTo("\\- item<br>\\+ item");
        assertThat(FormText.literal("Title\n===")).isEqualTo("Title<br>\\=\\=\\=");
        assertThat(FormText.literal("a | b")).isEqualTo("a \\| b");
    }

    @Test
    void lineBreaksStayLineBreaksWhateverTheSystemTypedThem() {
        assertThat(FormText.literal("one\ntwo\r\nthree\rfour\n\nfive")).isEqualTo("one<br>two<br>three<br>four<br><br>five");
    }

    @Test
    void plainWordsAndNothingAreLeftAsTheyAre() {
        assertThat(FormText.literal("Building relationships with pupils, O'Brien's class, 2026/27"))
                .isEqualTo("Building relationships with pupils, O'Brien's class, 2026/27");
        assertThat(FormText.literal(null)).isEmpty();
        assertThat(FormText.literal("")).isEmpty();
    }
}
