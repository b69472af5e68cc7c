package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import dev.aegis.framework.CatalogViews.CatalogLink;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.Mapping;
import dev.aegis.framework.CatalogViews.RequirementDetail;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.RequirementKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything Aegis knows about one requirement: its text (or, for copyrighted standards, the organisation's pasted
 * licensed text), version history, mappings through crosswalks and links inside its catalog. Saving licensed text
 * fires {@link SaveLicensedText}; the view calls the service.
 */
class RequirementDetailPanel extends VerticalLayout {

    static final int LICENSED_TEXT_LIMIT = 20_000;

    final TextArea licensedEditor = new TextArea("Your licensed text");
    final Button saveLicensed = new Button("Save licensed text");
    private RequirementDetail shown;
    /** Finds the ATLAS entry a link in a text names, so the link opens it here. */
    private Function<String, Optional<RequirementSummary>> atlasEntry = ref -> Optional.empty();

    RequirementDetailPanel() {
        setId("requirement-detail");
        addClassNames("aegis-detail");
        setSpacing(false);
        setPadding(false);
        configureEditor();
        showNothing();
    }

    private void configureEditor() {
        licensedEditor.setId("licensed-text-editor");
        licensedEditor.setWidthFull();
        licensedEditor.setMaxWidth("60rem");
        licensedEditor.setMinHeight("10rem");
        licensedEditor.setMaxLength(LICENSED_TEXT_LIMIT);
        licensedEditor.setHelperText(
                "Paste the text from your organisation's licensed copy. Signed-in users see it "
                        + "here; it never leaves Aegis (no export, report or API includes it). Clear it and save to remove it.");
        saveLicensed.setId("save-licensed-text");
        saveLicensed.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveLicensed.addClickListener(
                e -> fireEvent(new SaveLicensedText(this, shown.requirement().id(), licensedEditor.getValue())));
    }

    void setAtlasEntryFinder(Function<String, Optional<RequirementSummary>> finder) {
        this.atlasEntry = finder;
    }

    RequirementDetail shown() {
        return shown;
    }

    void showNothing() {
        shown = null;
        removeAll();
        add(
                new H3("No requirement selected"),
                hint("Pick a requirement in the tree, or search by reference id or "
                        + "words, to see its full text, its mappings to other frameworks and what links to it."));
    }

    void show(
            RequirementDetail detail,
            FrameworkSummary framework,
            Map<String, FrameworkSummary> frameworks,
            boolean mayPaste) {
        shown = detail;
        removeAll();
        add(
                header(detail, framework),
                text(detail, framework, mayPaste),
                versions(detail),
                mappings(detail, frameworks),
                catalogLinks(detail),
                registers());
    }

    // ---- sections -------------------------------------------------------------------------------------------

    private Component header(RequirementDetail detail, FrameworkSummary framework) {
        RequirementSummary r = detail.requirement();
        Span ref = new Span(r.refId());
        ref.addClassNames("aegis-ref");
        H3 title = new H3(ref, new Span(" " + r.title()));
        title.setId("detail-title");
        HorizontalLayout facts = new HorizontalLayout(
                Badges.plain(r.kind().label()), new Span(framework.name() + " · " + framework.version()));
        facts.setAlignItems(Alignment.BASELINE);
        facts.setSpacing(true);
        if (r.withdrawn()) {
            facts.add(Badges.withdrawn());
        }
        Div header = new Div(title, facts);
        header.setWidthFull();
        return header;
    }

    private Component text(RequirementDetail detail, FrameworkSummary framework, boolean mayPaste) {
        Div section = section("detail-text", "Text");
        if (detail.text() != null && !detail.text().isBlank()) {
            section.add(CatalogText.render(detail.text(), atlasEntry));
            if (isLegislation(framework)) {
                section.add(officialJournalNotice(framework));
            }
            return section;
        }
        if (!textIsLicensed(framework)) {
            section.add(hint("This entry has no text of its own: it groups the entries under it."));
            return section;
        }
        Paragraph notice = new Paragraph("The text of " + detail.requirement().refId() + " is copyrighted, so Aegis "
                + "ships only its number and title. " + (framework.licence() == null ? "" : framework.licence()));
        notice.addClassNames("aegis-notice");
        notice.setId("copyright-notice");
        section.add(notice);
        if (detail.licensedText() != null) {
            Div licensed = new Div(new Span(detail.licensedText()));
            licensed.setId("licensed-text");
            licensed.addClassNames("aegis-licensed-text");
            section.add(hint("Your organisation's licensed text (shown only in Aegis, never exported):"), licensed);
        } else if (!mayPaste) {
            section.add(hint("Your organisation has not pasted its licensed text for this entry. A governance "
                    + "officer can do so here."));
        }
        if (mayPaste) {
            section.add(editor(detail));
        }
        return section;
    }

    private Component editor(RequirementDetail detail) {
        licensedEditor.setValue(detail.licensedText() == null ? "" : detail.licensedText());
        VerticalLayout body = new VerticalLayout(licensedEditor, saveLicensed);
        body.setPadding(false);
        Details details = new Details("Paste licensed text", body);
        details.setId("paste-licensed-text");
        details.setOpened(detail.licensedText() == null);
        return details;
    }

    private Component versions(RequirementDetail detail) {
        Div section = section("detail-versions", "Versions");
        DescriptionList facts = new DescriptionList();
        facts.addClassNames("aegis-facts");
        facts.add(new DescriptionList.Term("Added in"), new DescriptionList.Description(orDash(detail.addedIn())));
        facts.add(new DescriptionList.Term("Changed in"), new DescriptionList.Description(orDash(detail.changedIn())));
        if (detail.withdrawnIn() != null) {
            facts.add(new DescriptionList.Term("Withdrawn in"), new DescriptionList.Description(detail.withdrawnIn()));
        }
        section.add(facts);
        return section;
    }

    private Component mappings(RequirementDetail detail, Map<String, FrameworkSummary> frameworks) {
        Div section = section("detail-mappings", "Mapped requirements in other frameworks");
        List<Mapping> mappings =
                detail.mappings().stream().filter(m -> m.other() != null).toList();
        if (mappings.isEmpty()) {
            section.add(hint("No crosswalk maps this requirement yet. Governance officers can add a mapping on the "
                    + "Crosswalks screen."));
            return section;
        }
        Map<String, List<Mapping>> byFramework = mappings.stream()
                .collect(
                        Collectors.groupingBy(m -> m.other().frameworkCode(), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Mapping>> group : byFramework.entrySet()) {
            FrameworkSummary other = frameworks.get(group.getKey());
            Paragraph heading = new Paragraph(other == null ? group.getKey() : other.name());
            heading.addClassNames("aegis-hint");
            UnorderedList list = new UnorderedList();
            list.setId("mappings-" + group.getKey());
            list.addClassNames("aegis-related-list");
            group.getValue().forEach(m -> list.add(mapping(m)));
            section.add(heading, list);
        }
        return section;
    }

    private static ListItem mapping(Mapping m) {
        ListItem item = new ListItem();
        // the badge reads from this requirement's side, whichever way the crosswalk points
        item.add(Badges.relationship(m.outgoing() ? m.relationship() : Badges.inverse(m.relationship())));
        item.add(
                FrameworkBrowserView.link(m.other(), "aegis-mapping-link"),
                new Span(m.other().title()));
        if (m.via() != null) {
            Span via = new Span("via " + m.via().refId() + " " + m.via().title());
            via.addClassNames("aegis-hint");
            item.add(via);
        }
        if (m.needsReview()) {
            item.add(Badges.needsReview());
        }
        if (m.catalogChanged()) {
            item.add(Badges.catalogChanged());
        }
        String note = m.reviewNote() != null ? "Review note: " + m.reviewNote() : m.rationale();
        if (note != null && !note.isBlank()) {
            Span noteSpan = new Span(note);
            noteSpan.addClassNames("aegis-note");
            item.add(noteSpan);
        }
        item.setTitle("Through the crosswalk " + m.crosswalkCode()
                + (m.outgoing() ? "" : " (mapped from the other end)") + ", confidence " + m.confidence());
        return item;
    }

    private Component catalogLinks(RequirementDetail detail) {
        List<CatalogLink> links =
                detail.links().stream().filter(l -> l.other() != null).toList();
        Div section = new Div();
        section.setId("detail-links");
        section.setWidthFull();
        if (links.isEmpty()) {
            return section;
        }
        Map<String, List<CatalogLink>> groups = links.stream()
                .collect(Collectors.groupingBy(
                        l -> l.type() + (l.outgoing() ? ">" : "<"), LinkedHashMap::new, Collectors.toList()));
        for (List<CatalogLink> group : groups.values()) {
            CatalogLink first = group.getFirst();
            UnorderedList list = new UnorderedList();
            list.setId("links-" + first.type() + (first.outgoing() ? "-out" : "-in"));
            list.addClassNames("aegis-related-list");
            group.forEach(l -> list.add(catalogLink(l)));
            section.add(new H4(heading(first)), list);
        }
        return section;
    }

    private static ListItem catalogLink(CatalogLink l) {
        ListItem item = new ListItem(
                FrameworkBrowserView.link(l.other(), "aegis-catalog-link"),
                new Span(l.other().title()));
        if (l.note() != null && !l.note().isBlank()) {
            Span note = new Span(l.note());
            note.addClassNames("aegis-note");
            item.add(note);
        }
        return item;
    }

    /** "Mitigations that address it", "Techniques it addresses", … named after what sits at the other end. */
    static String heading(CatalogLink link) {
        RequirementKind other = link.other().kind();
        if ("IN_TACTIC".equals(link.type())) {
            return link.outgoing() ? "Tactics it serves" : "Techniques in this tactic";
        }
        if ("ADDRESSES".equals(link.type())) {
            String kinds = switch (other) {
                case MITIGATION -> "Mitigations";
                case ACTION -> "Suggested actions";
                case TECHNIQUE, SUB_TECHNIQUE -> "Techniques";
                case RISK -> "Risks";
                default -> other.label() + " entries";
            };
            return link.outgoing() ? kinds + " it addresses" : kinds + " that address it";
        }
        return (link.outgoing() ? "Links to (" : "Linked from (")
                + link.type().toLowerCase().replace('_', ' ') + ")";
    }

    private Component registers() {
        Div section = section("detail-registers", "Controls, risks and evidence");
        section.add(hint("The controls, risks and evidence linked to this requirement appear here once those "
                + "registers exist in Aegis."));
        return section;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /**
     * Copyrighted standards (ISO/IEC 42001) ship only numbers and titles, and custom frameworks may too: for those an
     * organisation with a licence may paste the text. The publisher's licence line tells which is which.
     */
    static boolean textIsLicensed(FrameworkSummary framework) {
        String licence = framework.licence();
        return framework.custom() || licence != null && licence.regionMatches(true, 0, "Copyright", 0, 9);
    }

    /** EU legislation reused from EUR-Lex: the source acknowledged, and the Official Journal named as the only authentic text. */
    static boolean isLegislation(FrameworkSummary framework) {
        return framework.licence() != null && framework.licence().startsWith("EU legislation");
    }

    private static Component officialJournalNotice(FrameworkSummary framework) {
        Paragraph notice = new Paragraph("Source: EUR-Lex, reused with acknowledgement (Commission Decision "
                + "2011/833/EU). Only the text published in the Official Journal of the European Union is authentic; "
                + "check a passage you rely on there: ");
        com.vaadin.flow.component.html.Anchor oj =
                new com.vaadin.flow.component.html.Anchor(framework.url(), framework.url());
        oj.setTarget("_blank");
        notice.add(oj);
        notice.addClassNames("aegis-hint");
        notice.setId("official-journal-notice");
        return notice;
    }

    private static Div section(String id, String title) {
        Div section = new Div(new H4(title));
        section.setId(id);
        section.setWidthFull();
        return section;
    }

    private static Paragraph hint(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames("aegis-hint");
        return p;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    Registration addSaveLicensedTextListener(ComponentEventListener<SaveLicensedText> listener) {
        return addListener(SaveLicensedText.class, listener);
    }

    static final class SaveLicensedText extends ComponentEvent<RequirementDetailPanel> {
        private final long requirementId;
        private final String text;

        SaveLicensedText(RequirementDetailPanel source, long requirementId, String text) {
            super(source, false);
            this.requirementId = requirementId;
            this.text = text;
        }

        long requirementId() {
            return requirementId;
        }

        String text() {
            return text;
        }
    }
}
