package dev.aegis.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AiSystems extends JpaRepository<AiSystem, Long>, JpaSpecificationExecutor<AiSystem> {
}
