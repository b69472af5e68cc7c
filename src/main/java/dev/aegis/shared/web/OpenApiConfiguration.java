package dev.aegis.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the bearer-token scheme every /api/v1 call uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI aegisOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Aegis API").version("v1")
                        .description("The AI governance register: frameworks, AI systems, risks, controls, vendors, "
                                + "evidence and the audit log. Authenticate with a personal API token (My account) as "
                                + "'Authorization: Bearer <token>'. Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token made under My account")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
