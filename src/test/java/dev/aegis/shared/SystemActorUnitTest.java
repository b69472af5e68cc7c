package dev.aegis.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Aegis acts as itself: the system actor holds named permissions, never a human role. Code that borrows a role
 * ({@code Actors.runAs(name, "ROLE", …)}) fails this test.
 */
class SystemActorUnitTest {

    static final Pattern BORROWED_ROLE = Pattern.compile("Actors\\.runAs\\(\\s*[^,()]+,\\s*\"([A-Z_]+)\"");

    @Test
    void no_production_code_borrows_a_human_role() throws IOException {
        List<String> borrowed = new ArrayList<>();
        Path root = Path.of("src/main/java/dev/aegis");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                Matcher m = BORROWED_ROLE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!actsAsADemoPerson(relative)) {
                        borrowed.add(relative + " runs as " + m.group(1));
                    }
                }
            }
        }
        assertThat(borrowed)
                .as("act as the system with named permissions (Actors.runAsSystem), or as the person who "
                        + "asked (Actors.runAs(Authentication, …))")
                .isEmpty();
    }

    /**
     * Demo content (AEGIS_DEMO=true) is made in the names of the demo users, who hold those roles themselves: the audit
     * log names the demo person, as it would had they typed it in. No role is borrowed there.
     */
    private static boolean actsAsADemoPerson(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1).startsWith("Demo");
    }

    @Test
    void the_system_actor_is_named_system_and_holds_only_the_permissions_it_was_given() {
        Actors.runAsSystem(Set.of("SYSTEM:finding.record"), () -> {
            assertThat(Actors.current()).isEqualTo(Actors.SYSTEM);
            assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                    .extracting(GrantedAuthority::getAuthority)
                    .containsExactly("SYSTEM:finding.record");
            assertThat(Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "SYSTEM_OWNER", "VENDOR_MANAGER"))
                    .isFalse();
        });
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void a_role_cannot_be_passed_off_as_a_system_permission() {
        assertThatThrownBy(() -> Actors.runAsSystem(Set.of("ROLE_ADMIN"), () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
