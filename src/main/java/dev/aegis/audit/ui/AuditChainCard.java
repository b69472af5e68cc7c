package dev.aegis.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.audit.AuditLog;
import dev.aegis.shared.Actors;
import dev.aegis.shared.ui.CardParts;
import dev.aegis.shared.ui.DashboardCard;

/** An auditor's dashboard: the audit chain verified from its first entry to its last, as it stands now. */
@org.springframework.stereotype.Component
class AuditChainCard implements DashboardCard {

    private final AuditLog log;

    AuditChainCard(AuditLog log) {
        this.log = log;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public boolean visible() {
        return Actors.hasAnyRole("AUDITOR");
    }

    @Override
    public Component render() {
        Div card = CardParts.card("audit-chain-card", "Audit chain");
        AuditLog.Verification v = log.verify();
        Span state = new Span(v.intact() ? "Intact" : "Broken at entry #" + v.firstBrokenEntry());
        state.setId("audit-chain-state");
        state.addClassNames("aegis-figure-number", v.intact() ? "aegis-chain-ok" : "aegis-chain-broken");
        card.add(
                state,
                new Paragraph(
                        v.intact()
                                ? "Every one of the " + v.entries()
                                        + " entries hashes to the next: nothing was changed or removed."
                                : "Entries from #" + v.firstBrokenEntry() + " on (of " + v.entries()
                                        + ") cannot be trusted."),
                CardParts.basis("Verified just now, from the first entry to the last"),
                new Anchor("audit", "Open the audit log"));
        return card;
    }
}
