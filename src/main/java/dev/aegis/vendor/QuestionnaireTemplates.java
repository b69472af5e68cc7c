package dev.aegis.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface QuestionnaireTemplates extends JpaRepository<QuestionnaireTemplate, Long> {

    Optional<QuestionnaireTemplate> findFirstByKeyOrderByVersionDesc(String key);

    List<QuestionnaireTemplate> findByKeyOrderByVersionDesc(String key);

    @Query(
            "select t from QuestionnaireTemplate t where t.version = (select max(o.version) from QuestionnaireTemplate o "
                    + "where o.key = t.key) order by lower(t.title)")
    List<QuestionnaireTemplate> latestVersions();
}
