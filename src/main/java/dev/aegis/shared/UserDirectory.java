package dev.aegis.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people who can be named in a record (owners, approvers, reviewers): the active user accounts. Modules that only
 * name people by user name read it here instead of depending on the security module; forms offer these people to
 * choose from, and services refuse a name that is not among them.
 */
public interface UserDirectory {

    /** Someone who may be named: a user name and how they are shown. */
    record Person(String username, String displayName) {

        /**
         * "Display name (user name)", or the user name alone when both are the same. A display name that carries
         * parentheses of its own ("Smith (HR)") is followed by " · user name" instead, so no name reads with two
         * pairs of parentheses.
         */
        public String label() {
            if (displayName == null || displayName.isBlank() || displayName.equalsIgnoreCase(username)) {
                return username;
            }
            return displayName.contains("(") ? displayName + " · " + username : displayName + " (" + username + ")";
        }
    }

    /** Every active user, by display name. */
    List<Person> people();

    /** The active user with this user name (compared without case), if there is one. */
    Optional<Person> find(String username);

    /** The people with these user names, by user name as stored (unknown names are left out). */
    default Map<String, Person> find(Collection<String> usernames) {
        Map<String, Person> found = new java.util.HashMap<>();
        usernames.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(name -> find(name).ifPresent(p -> found.put(name, p)));
        return found;
    }

    /**
     * Refuses a name that is not an active user, at the field it was entered in.
     *
     * @param what how the field is called in a sentence, e.g. "business owner"
     * @return the user name as the directory spells it (or null when none was given)
     */
    default String requireKnown(String field, String what, String username) {
        return requireKnown(field, what, username, null);
    }

    /**
     * Like {@link #requireKnown(String, String, String)}, but a name kept as the record had it (compared without case)
     * passes even when it is no longer an active user: records naming a former user stay readable and editable, only a
     * newly entered name must be in the directory.
     *
     * @param before the name the record holds now (null for a new record)
     * @return the name to store: the one kept, the directory's spelling of a new one, or null when none was given
     */
    default String requireKnown(String field, String what, String username, String before) {
        if (username != null && before != null && username.strip().equalsIgnoreCase(before.strip())) {
            return before;
        }
        return requireActive(field, what, username);
    }

    private String requireActive(String field, String what, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        return find(username.strip())
                .map(Person::username)
                .orElseThrow(() -> new DomainRuleException(
                        field,
                        "There is no active user \"" + username.strip() + "\". Choose the " + what
                                + " from the list of users."));
    }
}
