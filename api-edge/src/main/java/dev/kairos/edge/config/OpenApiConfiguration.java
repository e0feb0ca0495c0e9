package dev.kairos.edge.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document names how callers authenticate: the engine's bearer tokens, or a business's API key. */
@Configuration
class OpenApiConfiguration {
    @Bean
    OpenAPI kairosOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Kairos booking engine").version("v1")
                        .description("Who may call what: docs/permissions.md. Sign in at /api/v1/auth/login."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("An access token from /api/v1/auth (15 minutes)"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key").description("A business's API key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
