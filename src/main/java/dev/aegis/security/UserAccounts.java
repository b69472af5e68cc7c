package dev.aegis.security;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccounts extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where lower(u.username) = lower(?1)")
    Optional<UserAccount> findByUsername(String username);

    @Query("select u from UserAccount u where lower(u.username) like lower(concat('%', ?1, '%')) "
            + "or lower(u.displayName) like lower(concat('%', ?1, '%'))")
    Page<UserAccount> search(String text, Pageable page);

    @Query("select distinct u from UserAccount u join u.roles r where r = ?1 and u.enabled = true order by u.username")
    java.util.List<UserAccount> findActiveWithRole(Role role);

    @Query("select u from UserAccount u where u.enabled = true")
    java.util.List<UserAccount> findAllActive();
}
