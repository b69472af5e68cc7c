package dev.aegis.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDesc(Long userId);

    /** Bookkeeping only, so it bypasses the entity (and is not an audited change). */
    @Modifying
    @Query(value = "update security.api_token set last_used_at = ?2 where id = ?1", nativeQuery = true)
    void touch(long id, Instant at);
}
