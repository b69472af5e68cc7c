package dev.aegis.security;

import dev.aegis.shared.UserDirectory;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user directory other modules name people from: the active accounts. */
@Service
@Transactional(readOnly = true)
class PeopleDirectory implements UserDirectory {

    private final UserAccounts users;

    PeopleDirectory(UserAccounts users) {
        this.users = users;
    }

    @Override
    public List<Person> people() {
        return users.findAllActive().stream()
                .map(PeopleDirectory::person)
                .sorted(Comparator.comparing((Person p) -> p.label().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    @Override
    public Optional<Person> find(String username) {
        return users.findByUsername(username.strip())
                .filter(UserAccount::isEnabled)
                .map(PeopleDirectory::person);
    }

    private static Person person(UserAccount u) {
        return new Person(u.getUsername(), u.getDisplayName());
    }
}
