package dev.aegis.control;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Controls extends JpaRepository<Control, Long>, JpaSpecificationExecutor<Control> {
    Optional<Control> findByStarterId(String starterId);

    List<Control> findByIdIn(Collection<Long> ids);
}

interface ControlApplications extends JpaRepository<ControlApplication, Long> {
    List<ControlApplication> findBySystemId(long systemId);

    List<ControlApplication> findByControlId(long controlId);

    Optional<ControlApplication> findByControlIdAndSystemId(long controlId, long systemId);
}

interface SoaEntries extends JpaRepository<SoaEntry, Long> {}

interface SoaVersions extends JpaRepository<SoaVersion, Long> {
    List<SoaVersion> findAllByOrderByNumberDesc();

    Optional<SoaVersion> findByNumber(int number);
}
