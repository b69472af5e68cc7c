package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.PortalService;
import dev.aegis.vendor.ReviewFixtures;
import dev.aegis.vendor.ReviewFixtures.Started;
import dev.aegis.vendor.ShortfallFindings;
import dev.aegis.vendor.ShortfallFindings.ProposedRisk;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.VendorService;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorizationDeniedException;
import tools.jackson.databind.node.JsonNodeFactory;

/** The review offers a vendor manager what they can do, and each offered action works for them. */
@AegisTest
class ReviewActionsByRoleTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    ShortfallFindings findings;

    @Autowired
    PortalService portal;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AiSystemService systems;

    @Autowired
    RiskService risks;

    @AfterEach
    void close() {
        Karibu.close();
        TestAccounts.signOut();
    }

    @Test
    void revoke_link_shows_only_while_a_link_exists() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        Karibu.signInAndOpen(context, s.manager());
        AssessmentReviewView view = open(s.assessment().getId());
        assertThat(view.invite.isVisible()).isTrue();
        assertThat(view.revoke.isVisible()).isFalse();
        view.invite.click();
        assertThat(view.revoke.isVisible()).isTrue();
        view.revoke.click();
        assertThat(view.revoke.isVisible()).isFalse();
        view.load();
        assertThat(view.revoke.isVisible()).isFalse();
    }

    @Test
    void a_vendor_manager_raises_the_ticked_shortfall_risks_in_their_own_name() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        long id = s.assessment().getId();
        String token = service.issueLink(id).token();
        portal.answer(token, "q1", JsonNodeFactory.instance.stringNode("no"), null);
        portal.answer(token, "q3", JsonNodeFactory.instance.stringNode("always"), null);
        portal.submit(token);
        Karibu.signInAndOpen(context, s.manager());
        AssessmentReviewView view = open(id);
        assertThat(view.confirm.isVisible()).isTrue();
        view.ticks.get(new ShortfallFindings.Key("q1", s.systemA())).setValue(true);
        view.ticks.get(new ShortfallFindings.Key("q3", s.systemB())).setValue(true);
        view.confirm.click();

        var raised =
                findings.proposals(id).stream().filter(ProposedRisk::confirmed).toList();
        assertThat(raised).hasSize(2);
        Risk risk = risks.get(raised.get(0).riskId());
        assertThat(risk.getCategory()).isEqualTo(Category.THIRD_PARTY);
        assertThat(risk.getOwner()).isEqualTo(s.manager().username());
        assertThat(risk.getUpdatedBy()).isEqualTo(s.manager().username());
    }

    @Test
    void a_vendor_manager_still_raises_no_risk_of_the_register_at_large() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        RiskDetails any = new RiskDetails(
                "Not from a review", null, Category.SAFETY, Set.of(s.systemA()), Set.of(), Set.of(), 2, 2, null, null);
        assertThatThrownBy(() -> risks.identify(any)).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> risks.raiseFromVendorShortfall(any))
                .isInstanceOf(dev.aegis.shared.DomainRuleException.class)
                .hasMessageContaining("third-party");
    }

    private AssessmentReviewView open(long id) {
        UI.getCurrent().navigate("assessments/" + id);
        return _get(AssessmentReviewView.class);
    }
}
