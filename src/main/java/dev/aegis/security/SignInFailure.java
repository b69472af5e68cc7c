package dev.aegis.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed sign-in; kept in the database so every instance counts the same failures. */
@Entity
@Table(schema = "security", name = "sign_in_failure")
class SignInFailure {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected SignInFailure() {}

    SignInFailure(String username, Instant occurredAt) {
        this.username = username;
        this.occurredAt = occurredAt;
    }
}
