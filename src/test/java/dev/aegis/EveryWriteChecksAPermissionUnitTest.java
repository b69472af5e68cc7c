package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The service is the permission boundary: every public method of a {@code @Service} that writes — saves or deletes
 * through a repository, updates with SQL, persists through the entity manager or announces an event, itself or
 * through the service's own helper methods — checks a permission with {@code @PreAuthorize} (on the method or the
 * class). The system actor passes such a check only with a {@code SYSTEM:…} permission named for what it does. A new
 * unchecked write fails the build; the few writes checked otherwise say how below.
 */
class EveryWriteChecksAPermissionUnitTest {

    static final JavaClasses CLASSES = ModuleStructureTest.CLASSES;

    /** Writes that are guarded by something other than a permission, and by what. */
    static final Map<String, String> CHECKED_OTHERWISE = Map.of(
            "dev.aegis.audit.AuditLog.append",
            "the audit log records a write inside the checked write's own transaction",
            "dev.aegis.audit.AuditCheckpoints",
            "signs the audit chain's head on a schedule and at start; changes no register",
            "dev.aegis.security.SignIns",
            "authentication itself: no one is signed in yet",
            "dev.aegis.vendor.PortalService",
            "the vendor portal: each method checks the invitation link's token",
            "dev.aegis.vendor.PortalEvidence",
            "the vendor portal: each method checks the invitation link's token");

    @Test
    void every_public_write_of_a_service_checks_a_permission() {
        Set<String> unchecked = new TreeSet<>();
        for (JavaClass service : CLASSES) {
            if (!service.isAnnotatedWith(Service.class)
                    || service.getPackageName().startsWith("dev.aegis.monitor")
                    || CHECKED_OTHERWISE.containsKey(service.getName())) {
                continue; // the monitor is separable and guarded by its own token chain
            }
            boolean classChecked = service.isAnnotatedWith(PreAuthorize.class);
            for (JavaMethod method : service.getMethods()) {
                String name = service.getName() + "." + method.getName();
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)
                        || method.getModifiers().contains(JavaModifier.STATIC)
                        || method.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || classChecked
                        || method.isAnnotatedWith(PreAuthorize.class)
                        || CHECKED_OTHERWISE.containsKey(name)) {
                    continue;
                }
                if (writes(method, new HashSet<>())) {
                    unchecked.add(name);
                }
            }
        }
        assertThat(unchecked)
                .as("public writes of services without @PreAuthorize (give the system actor a SYSTEM:… permission"
                        + " where it is the one writing)")
                .isEmpty();
    }

    @Test
    void the_rule_sees_writes_through_helper_methods() {
        JavaClass notifications = CLASSES.get("dev.aegis.notification.Notifications");
        JavaMethod send = notifications.getMethods().stream()
                .filter(m -> m.getName().equals("send"))
                .findFirst()
                .orElseThrow();
        assertThat(writes(send, new HashSet<>())).isTrue();
        assertThat(send.isAnnotatedWith(PreAuthorize.class)).isTrue();
    }

    /** Whether the code unit writes, itself or through methods of its own class. */
    static boolean writes(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        for (JavaMethodCall call : unit.getMethodCallsFromSelf()) {
            JavaClass owner = call.getTargetOwner();
            String target = call.getName();
            if (owner.isAssignableTo(org.springframework.data.repository.Repository.class)
                    && (target.startsWith("save") || target.startsWith("delete"))) {
                return true;
            }
            if ((owner.isAssignableTo(JdbcTemplate.class) || owner.isAssignableTo(NamedParameterJdbcTemplate.class))
                    && (target.equals("update") || target.equals("batchUpdate"))) {
                return true;
            }
            if (owner.isAssignableTo(EntityManager.class)
                    && Set.of("persist", "merge", "remove").contains(target)) {
                return true;
            }
            if (owner.isAssignableTo(ApplicationEventPublisher.class) && target.equals("publishEvent")) {
                return true;
            }
            if (owner.equals(unit.getOwner())) {
                for (JavaCodeUnit own :
                        call.getTarget().resolveMember().stream().toList()) {
                    if (writes(own, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
