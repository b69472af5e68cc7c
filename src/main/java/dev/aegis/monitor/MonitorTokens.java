package dev.aegis.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MonitorTokens extends JpaRepository<MonitorToken, Long> {

    Optional<MonitorToken> findByTokenHash(String tokenHash);

    List<MonitorToken> findAllByOrderByCreatedAtDesc();

    /** Not through the entity: a use is no change worth a version (or an audit entry). */
    @Modifying
    @Query("update MonitorToken t set t.lastUsedAt = ?2 where t.id = ?1")
    void touch(long id, Instant at);
}
