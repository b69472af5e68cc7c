package dev.aegis.inventory;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;
import static dev.aegis.inventory.AiSystemFixtures.renamed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The rules every way in (form, API, import) meets, because the service checks them. */
@AegisTest
class AiSystemRulesTest {

    @Autowired
    AiSystemService service;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_name_another_system_bears_in_any_case_is_refused_naming_that_system() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        String name = "Triage bot " + System.nanoTime();
        AiSystem first = service.register(diagnosisAssistant(name, officer.username()));
        AiSystem second = service.register(diagnosisAssistant(name + " two", officer.username()));

        assertThatThrownBy(() -> service.register(diagnosisAssistant(name.toUpperCase(), officer.username())))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining(
                        "There is already an AI system named \"" + name + "\" (system " + first.getId() + ")")
                .extracting("field")
                .isEqualTo("name");
        assertThatThrownBy(() -> service.update(
                        second.getId(),
                        second.getVersion(),
                        renamed(second.details(), "  " + name.toLowerCase() + " ")))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("system " + first.getId());
        // keeping its own name (in another case) is no clash
        service.update(first.getId(), first.getVersion(), renamed(first.details(), name.toLowerCase()));
    }

    @Test
    void an_owner_who_is_not_an_active_user_is_refused_at_the_owner_field() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        assertThatThrownBy(() -> service.register(diagnosisAssistant("Owned " + System.nanoTime(), "nobody-such-user")))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage(
                        "There is no active user \"nobody-such-user\". Choose the business owner from the list of users.")
                .extracting("field")
                .isEqualTo("businessOwner");
    }

    @Test
    void a_next_review_in_1900_is_refused_at_its_field_not_dropped() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemDetails d = diagnosisAssistant("Reviewed " + System.nanoTime(), "owner");
        AiSystemDetails in1900 = new AiSystemDetails(
                d.name(),
                d.purpose(),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                d.lifecycleStage(),
                d.deployment(),
                d.modelType(),
                d.dataCategories(),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                d.euAiActTier(),
                d.euAiActRole(),
                d.vendorName(),
                d.status(),
                LocalDate.of(1900, 1, 1),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                d.deletionDate(),
                d.deletionMethod(),
                d.deletionSignedOffBy());
        assertThatThrownBy(() -> service.register(in1900))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("The next review must lie between 1 January 2000 and 31 December 2099.")
                .extracting("field")
                .isEqualTo("nextReview");
        assertThat(service.count(new AiSystemService.Filter(d.name(), null, null, null, null)))
                .isZero();
    }

    @Test
    void a_purpose_over_4000_characters_is_refused_with_its_limit_in_words() {
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystemDetails d = diagnosisAssistant("Verbose " + System.nanoTime(), "owner");
        AiSystemDetails verbose = new AiSystemDetails(
                d.name(),
                "x".repeat(5012),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                d.lifecycleStage(),
                d.deployment(),
                d.modelType(),
                d.dataCategories(),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                d.euAiActTier(),
                d.euAiActRole(),
                d.vendorName(),
                d.status(),
                d.nextReview(),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                d.deletionDate(),
                d.deletionMethod(),
                d.deletionSignedOffBy());
        assertThatThrownBy(() -> service.register(verbose))
                .isInstanceOf(DomainRuleException.class)
                .hasMessage("The purpose can be at most 4,000 characters.")
                .extracting("field")
                .isEqualTo("purpose");
    }

    @Test
    void a_system_owner_cannot_lower_the_tier_of_their_own_system_but_edits_its_other_fields() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        AiSystem mine = service.register(diagnosisAssistant("High " + System.nanoTime(), owner.username()));
        assertThat(mine.getEuAiActTier()).isEqualTo(EuAiActTier.HIGH);

        TestAccounts.signIn(owner);
        AiSystemDetails minimal = AiSystemFixtures.classified(
                mine.details(),
                mine.getModelType(),
                mine.details().deployment(),
                EuAiActTier.MINIMAL,
                mine.getDataCategories().toArray(Classification.DataCategory[]::new));
        assertThatThrownBy(() -> service.update(mine.getId(), mine.getVersion(), minimal))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the EU AI Act risk tier");
        AiSystemDetails otherOwner = new AiSystemDetails(
                mine.getName(),
                mine.details().purpose(),
                null,
                "owner",
                owner.username(),
                mine.getLifecycleStage(),
                mine.details().deployment(),
                mine.getModelType(),
                mine.getDataCategories(),
                mine.details().peopleAffected(),
                mine.details().autonomy(),
                null,
                EuAiActTier.HIGH,
                mine.details().euAiActRole(),
                null,
                Status.ACTIVE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> service.update(mine.getId(), mine.getVersion(), otherOwner))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("the business owner");

        AiSystem renamed =
                service.update(mine.getId(), mine.getVersion(), renamed(mine.details(), mine.getName() + " v2"));
        assertThat(renamed.getName()).endsWith(" v2");
        assertThat(service.get(mine.getId()).getEuAiActTier()).isEqualTo(EuAiActTier.HIGH);
    }
}
