package dev.aegis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.RestController;

/** The module rules of ../shared/STYLE.md, checked on every build. */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aegis");

    @Test
    void modules_depend_only_on_what_they_declare_and_have_no_cycles() {
        MODULES.verify();
    }

    @Test
    void rest_controllers_never_take_or_return_entities() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .and()
                .areMetaAnnotatedWith(org.springframework.web.bind.annotation.RequestMapping.class)
                .should(new ArchCondition<JavaMethod>("not take or return a JPA entity") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        var types = new java.util.ArrayList<JavaClass>(method.getRawParameterTypes());
                        types.add(method.getRawReturnType());
                        method.getReturnType().getAllInvolvedRawTypes().forEach(types::add);
                        for (JavaClass type : types) {
                            if (type.isAnnotatedWith(jakarta.persistence.Entity.class)) {
                                events.add(SimpleConditionEvent.violated(
                                        method, method.getFullName() + " exposes entity " + type.getName()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true)
                .because("controllers speak in request and response records")
                .check(CLASSES);
    }

    @Test
    void rest_controllers_never_reach_repositories() {
        noClasses()
                .that()
                .resideInAPackage("..rest..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .because("controllers call their module's services, the transaction and permission boundary")
                .check(CLASSES);
    }

    @Test
    void views_never_reach_repositories() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .because("views call their module's services, the transaction and permission boundary")
                .check(CLASSES);
    }

    @Test
    void the_telemetry_reaches_the_monitor_over_http_only() {
        noClasses()
                .that()
                .resideInAPackage("dev.aegis.telemetry..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.aegis.monitor..")
                .because("the register pulls telemetry from any monitor, the embedded one included, over HTTP")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.aegis.monitor..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.aegis.telemetry..")
                .because("the monitor does not know who reads it")
                .check(CLASSES);
    }

    @Test
    void the_monitor_never_imports_a_register_module() {
        noClasses()
                .that()
                .resideInAPackage("dev.aegis.monitor..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.aegis.inventory..",
                        "dev.aegis.risk..",
                        "dev.aegis.control..",
                        "dev.aegis.vendor..",
                        "dev.aegis.evidence..",
                        "dev.aegis.framework..",
                        "dev.aegis.audit..",
                        "dev.aegis.telemetry..")
                .allowEmptyShould(true)
                .because("the monitor stays separable and is reached over HTTP")
                .check(CLASSES);
    }

    @Test
    void the_monitor_depends_on_shared_and_security_only() {
        var monitor = MODULES.getModuleByName("monitor").orElseThrow();
        var used = monitor.getDirectDependencies(MODULES).stream()
                .map(d -> d.getTargetModule().getIdentifier().toString())
                .collect(java.util.stream.Collectors.toSet());
        org.assertj.core.api.Assertions.assertThat(used).isSubsetOf("shared", "security");
        noClasses()
                .that()
                .resideInAPackage("dev.aegis.monitor..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CLASSES.stream()
                        .map(JavaClass::getPackageName)
                        .filter(p -> p.startsWith("dev.aegis.")
                                && !p.startsWith("dev.aegis.monitor")
                                && !p.startsWith("dev.aegis.shared")
                                && !p.startsWith("dev.aegis.security"))
                        .map(p -> p + "..")
                        .distinct()
                        .toArray(String[]::new))
                .because("the monitor is separable: it runs beside real model servers without the registers")
                .check(CLASSES);
    }

    @Test
    void the_module_map_is_documented() throws java.io.IOException {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        java.nio.file.Path docs = java.nio.file.Path.of("target", "spring-modulith-docs");
        String map = java.nio.file.Files.readString(docs.resolve("components.puml"));
        for (String module : java.util.List.of(
                "inventory",
                "risk",
                "control",
                "vendor",
                "evidence",
                "monitor",
                "audit",
                "finding",
                "telemetry",
                "aims",
                "euaiact")) {
            org.assertj.core.api.Assertions.assertThat(map).containsIgnoringCase(module);
            org.assertj.core.api.Assertions.assertThat(docs.resolve("module-" + module + ".puml"))
                    .exists();
        }
    }
}
