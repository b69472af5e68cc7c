package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.ReviewFixtures;
import dev.aegis.vendor.ReviewFixtures.Started;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.VendorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A vendor assessment's page offers officers "Raise a nonconformity", which opens the AIMS form prefilled from the
 * assessment (as a finding's page does, {@code RaiseNonconformityScreenTest}).
 */
@AegisTest
class RaiseNonconformityFromAssessmentScreenTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService assessments;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AiSystemService systems;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void
            an_officer_raises_a_nonconformity_from_a_vendor_assessment_with_the_form_prefilled_and_a_vendor_manager_is_not_offered_it() {
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, assessments);
        long id = s.assessment().getId();

        Karibu.signInAndOpen(context, s.manager());
        UI.getCurrent().navigate("assessments/" + id);
        assertThat(_find(Button.class, spec -> spec.withId("assessment-raise-nc")))
                .as("only officers correct through the AIMS")
                .allSatisfy(b -> assertThat(b.isVisible()).isFalse());
        Karibu.close();

        AegisUser officer = accounts.create("nc-vendor-officer", Role.GOVERNANCE_OFFICER);
        Karibu.signInAndOpen(context, officer);
        UI.getCurrent().navigate("assessments/" + id);
        _click(_get(Button.class, spec -> spec.withId("assessment-raise-nc")));
        TextField title = _get(TextField.class, spec -> spec.withId("aims-nc-title"));
        assertThat(title.getValue()).isEqualTo("Shortfalls of " + s.vendor().getName() + "'s assessment");
        assertThat(_get(TextArea.class, spec -> spec.withId("aims-nc-description"))
                        .getValue())
                .startsWith("Raised from the vendor assessment of " + s.vendor().getName());
        @SuppressWarnings("unchecked")
        ComboBox<String> owner = _get(ComboBox.class, spec -> spec.withLabel("Owner of the correction"));
        Karibu.setValue(owner, officer.getUsername());
        _click(_get(Button.class, spec -> spec.withId("aims-save-nc")));
        assertThat(_find(H2.class).stream().map(H2::getText)).anyMatch(t -> t.matches("NC-\\d{3} · .*"));
    }
}
