package dev.aegis.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document's title and the bearer-token scheme every /api/v1 call uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // a JSON value of any shape (a portal answer, a template), not the bean properties of Jackson's node class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>().description("Any JSON value"));
    }

    @Bean
    OpenAPI aegisOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Aegis API")
                        .version("v1")
                        .description("The AI governance register: frameworks, AI systems, risks, controls, vendors, "
                                + "evidence and the audit log. Authenticate with a personal API token (My account) as "
                                + "'Authorization: Bearer <token>'. Errors are RFC 9457 problem details; a refused "
                                + "request lists its errors, each naming a body field (a JSON pointer), a parameter or "
                                + "a header.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                // relative: the document holds no host or port, so it is the same on every instance (docs/openapi.json)
                .servers(List.of(new Server().url("/").description("This Aegis")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token made under My account")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
