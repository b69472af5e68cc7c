package dev.aegis.audit;

import org.springframework.data.jpa.repository.JpaRepository;

interface Gadgets extends JpaRepository<Gadget, Long> {}
