package dev.crosswalk.app.system;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * How the API is called, as the OpenAPI document declares it: scripts send a personal API token
 * as a bearer token; the browser UI uses its session cookie (plus the CSRF header on writes).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Crosswalk API", version = "v1"),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "session")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "cw_pat_…",
        description = "A personal API token (Team → API tokens, or POST /api/v1/tokens while signed in)")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE, paramName = "JSESSIONID",
        description = "The browser session of the login form; writes also need the X-XSRF-TOKEN header")
class OpenApiSecurity {
}
