package dev.aegis.shared;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The organisation's profile from the configuration ({@code AEGIS_ORGANISATION_NAME}); no logo. */
@Component
class ConfiguredOrganisation implements OrganisationProfile {

    private final String name;

    ConfiguredOrganisation(@Value("${aegis.organisation.name:}") String name) {
        this.name = name == null || name.isBlank() ? "Aegis" : name.strip();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<byte[]> logoPng() {
        return Optional.empty();
    }
}
