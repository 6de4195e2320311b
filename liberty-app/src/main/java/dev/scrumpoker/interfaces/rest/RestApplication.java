package dev.scrumpoker.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API at /api/v1; bearer tokens are verified by MicroProfile JWT. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "scrum-poker")
@OpenAPIDefinition(info = @Info(title = "Scrum Poker API", version = "1",
        description = "Rooms, rounds, accounts and subscriptions of Scrum Poker. Live play is on the WebSocket "
                + "/ws/room/{roomId}; see docs/api.md."))
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class RestApplication extends Application {
}
