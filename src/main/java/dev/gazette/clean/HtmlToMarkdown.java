package dev.gazette.clean;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;

/** Cleaned article HTML as Markdown a curator can review and edit, with flexmark's converter. */
public final class HtmlToMarkdown {
    private final FlexmarkHtmlConverter converter = FlexmarkHtmlConverter.builder(new MutableDataSet()
            .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
            .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)).build();

    public String convert(String html) {
        // The converter decodes &#xd800; back into half a character, which no file can hold.
        return Extraction.wellFormed(converter.convert(html)).strip() + "\n";
    }
}
