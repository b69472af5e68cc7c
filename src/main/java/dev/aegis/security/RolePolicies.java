package dev.aegis.security;

import java.util.Collection;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RolePolicies extends JpaRepository<RolePolicy, Role> {

    @Query("select count(p) > 0 from RolePolicy p where p.totpRequired = true and p.role in ?1")
    boolean totpRequiredForAny(Collection<Role> roles);
}
