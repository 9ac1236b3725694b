package org.reviewcycle.process;

/**
 * What people typed, made ready to be shown by a form's text component. form-js text components
 * (forms/*.form, "type": "text") put {{variables}} into markdown and render the result as HTML,
 * so a typed {@code <img src=x onerror=...>} became an image and {@code **} bold. Here every
 * character that markdown or HTML would read as markup is escaped: {@code & < >} as HTML
 * entities, markdown's punctuation with a backslash, and the ':' and '@' of web and mail
 * addresses, which GFM turns into links by themselves. Line breaks become {@code <br>}, so that
 * paragraphs typed in a textarea stay apart without ending the markdown paragraph (or the bold)
 * the value sits in.
 * <p>
 * Only for text components: form-js tables, selects, checklists and inputs show values as text
 * already, and would show these escapes literally.
 */
final class FormText {

    /** Markdown's punctuation, and ':' and '@', which the GFM extension would make into links (http://, a@b.org). */
    private static final String MARKDOWN_PUNCTUATION = "\\`*_{}[]()#+-.!|~=:@";

    private FormText() {
    }

    static String literal(String typed) {
        if (typed == null) {
            return "";
        }
        var shown = new StringBuilder(typed.length() + 16);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            switch (c) {
                case '&' -> shown.append("&amp;");
                case '<' -> shown.append("&lt;");
                case '>' -> shown.append("&gt;");
                case '\r' -> {
                    shown.append("<br>");
                    if (i + 1 < typed.length() && typed.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> shown.append("<br>");
                default -> {
                    if (MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
                        shown.append('\\');
                    }
                    shown.append(c);
                }
            }
        }
        return shown.toString();
    }
}
