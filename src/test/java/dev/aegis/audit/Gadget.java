package dev.aegis.audit;

import dev.aegis.shared.Audited;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A test-only audited entity (table in the testfixture schema). */
@Entity
@Audited(masked = "secret")
@Table(schema = "testfixture", name = "gadget")
class Gadget {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;
    String secret;
    Integer size;

    @Version
    long version;

    protected Gadget() {}

    Gadget(String name, String secret, Integer size) {
        this.name = name;
        this.secret = secret;
        this.size = size;
    }
}
