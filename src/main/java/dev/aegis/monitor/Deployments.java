package dev.aegis.monitor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Deployments extends JpaRepository<Deployment, Long> {

    Optional<Deployment> findByName(String name);

    List<Deployment> findAllByOrderByNameAsc();
}
