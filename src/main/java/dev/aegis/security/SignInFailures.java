package dev.aegis.security;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignInFailures extends JpaRepository<SignInFailure, Long> {

    @Query("select count(f) from SignInFailure f where lower(f.username) = lower(?1) and f.occurredAt > ?2")
    long countSince(String username, Instant since);

    @Modifying
    @Query("delete from SignInFailure f where lower(f.username) = lower(?1)")
    void clear(String username);

    @Modifying
    @Query("delete from SignInFailure f where f.occurredAt < ?1")
    int deleteOlderThan(Instant before);
}
