package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A catalog entry's text, which for MITRE ATLAS is markdown, as components: paragraphs, bullet lists, code, and links
 * — to the entry's page in Aegis when the link names an ATLAS id Aegis knows, to http(s) addresses outside, else
 * plain text. Every piece of the text becomes a text node, so nothing in it is ever read as HTML.
 */
final class CatalogText {

    private static final Pattern INLINE =
            Pattern.compile("\\[([^\\]\\n]+)\\]\\(([^)\\s]+)\\)|`([^`\\n]+)`|\\*\\*([^*\\n]+)\\*\\*");
    private static final Pattern ATLAS_ID =
            Pattern.compile("AML\\.(?:TA\\d{4}|T\\d{4}(?:\\.\\d{3})?|M\\d{4}|CS\\d{4})");

    private CatalogText() {}

    /** The text as blocks; {@code atlasEntry} finds the ATLAS entry a link's id names. */
    static Div render(String text, Function<String, Optional<RequirementSummary>> atlasEntry) {
        Div out = new Div();
        out.addClassNames("aegis-catalog-text");
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        List<String> paragraph = new ArrayList<>();
        UnorderedList list = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                flush(out, paragraph, atlasEntry);
                list = null;
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
                    code.append(lines.get(i)).append('\n');
                }
                Pre pre = new Pre();
                pre.add(new Text(code.toString().stripTrailing()));
                out.add(pre);
            } else if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                flush(out, paragraph, atlasEntry);
                if (list == null) {
                    list = new UnorderedList();
                    out.add(list);
                }
                ListItem item = new ListItem();
                inline(item, trimmed.substring(2), atlasEntry);
                list.add(item);
            } else if (trimmed.isEmpty()) {
                flush(out, paragraph, atlasEntry);
                list = null;
            } else {
                list = null;
                paragraph.add(trimmed);
            }
        }
        flush(out, paragraph, atlasEntry);
        return out;
    }

    private static void flush(
            Div out, List<String> paragraph, Function<String, Optional<RequirementSummary>> atlasEntry) {
        if (paragraph.isEmpty()) {
            return;
        }
        Paragraph p = new Paragraph();
        inline(p, String.join(" ", paragraph), atlasEntry);
        out.add(p);
        paragraph.clear();
    }

    private static void inline(
            HasComponents parent, String text, Function<String, Optional<RequirementSummary>> atlasEntry) {
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parent.add(new Text(text.substring(at, m.start())));
            }
            if (m.group(1) != null) {
                parent.add(link(m.group(1), m.group(2), atlasEntry));
            } else if (m.group(3) != null) {
                Span code = new Span(m.group(3));
                code.getElement().setAttribute("class", "aegis-code");
                parent.add(code);
            } else {
                Span strong = new Span(m.group(4));
                strong.getStyle().set("font-weight", "600");
                parent.add(strong);
            }
            at = m.end();
        }
        if (at < text.length()) {
            parent.add(new Text(text.substring(at)));
        }
    }

    private static Component link(String label, String url, Function<String, Optional<RequirementSummary>> atlasEntry) {
        Matcher id = ATLAS_ID.matcher(url);
        boolean atlasAddress = url.startsWith("/") || url.startsWith("https://atlas.mitre.org/");
        if (atlasAddress && id.find()) {
            Optional<RequirementSummary> entry = atlasEntry.apply(id.group());
            if (entry.isPresent()) {
                RouterLink link = new RouterLink(
                        label, FrameworkBrowserView.class, entry.get().frameworkCode());
                link.setQueryParameters(QueryParameters.of(
                        FrameworkBrowserView.REQUIREMENT,
                        String.valueOf(entry.get().id())));
                link.addClassNames("aegis-text-link");
                link.getElement().setAttribute("title", entry.get().label());
                return link;
            }
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            Anchor anchor = new Anchor(url, label, AnchorTarget.BLANK);
            anchor.getElement().setAttribute("rel", "noopener noreferrer");
            anchor.addClassNames("aegis-text-link");
            return anchor;
        }
        return new Span(label);
    }
}
