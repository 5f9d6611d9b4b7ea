package dev.idcred.access.http;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The OpenAPI document ({@code /openapi}, Swagger UI at {@code /swagger-ui.html}): every {@code /v3} operation
 * needs a bearer token and may answer the error body with 400, 401, 403, 404 or 409.
 */
@Configuration
public class ApiDocumentation {

    private static final String BEARER = "bearer";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Malformed or invalid request (error body)",
            "401", "No valid bearer token ({\"error\": ...})",
            "403", "The token lacks the right the endpoint needs (error body)",
            "404", "No such resource (error body)",
            "409", "Conflict, such as a token name taken (error body)");

    @Bean
    OpenAPI credentialServiceApi() {
        return new OpenAPI()
                .info(new Info().title("Credential service").version("v3")
                        .description("API clients, personal access tokens, identities, virtual appliances and the "
                                + "OAuth token endpoint, in the shape of the platform's public v3 API."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer errorBodiesAndBearerOnEveryApiOperation() {
        return openApi -> {
            ModelConverters.getInstance().readAll(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/v3/")) {
                    item.readOperations().forEach(ApiDocumentation::document);
                }
            });
        };
    }

    private static void document(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        ERRORS.forEach((status, description) -> operation.getResponses().computeIfAbsent(status, s ->
                new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError"))))));
    }
}
