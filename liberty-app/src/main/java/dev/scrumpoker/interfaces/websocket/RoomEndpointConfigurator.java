package dev.scrumpoker.interfaces.websocket;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Makes each connection's {@link RoomEndpoint} through a CDI {@link Instance} found once, and notes whether the
 * handshake came from a page of another site.
 * <p>Left to the container, every handshake starts with a bean-manager lookup (Weld walking the deployment's
 * archives by class name): in a reconnection storm's thread dumps that lookup was on every busy executor thread. The
 * endpoint has no destruction callbacks, so the {@code Instance} keeps no reference to the endpoints it makes.
 * <p>Browsers send {@code Origin} with every WebSocket handshake and let any page open one (there is no same-origin
 * rule for WebSockets): a page of another site could use a visitor's token if it got hold of one. A handshake
 * whose {@code Origin} is neither this request's own host nor {@code PUBLIC_URL}'s is closed 4403 by the endpoint.
 * Clients that are not browsers send no {@code Origin} and are not affected.
 */
public class RoomEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private static final String FOREIGN_ORIGIN = "scrumpoker.foreignOrigin";

    private volatile Instance<RoomEndpoint> endpoints;
    private volatile Optional<String> publicOrigin;

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        Instance<RoomEndpoint> found = endpoints;
        if (found == null) {
            found = CDI.current().select(RoomEndpoint.class);
            endpoints = found;
        }
        return endpointClass.cast(found.get());
    }

    /** The configuration is copied per connection (WebSocket 2.1), so its user properties are this connection's. */
    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        String origin = first(request.getHeaders(), "Origin");
        if (origin != null && !isAllowed(origin, first(request.getHeaders(), "Host"))) {
            config.getUserProperties().put(FOREIGN_ORIGIN, Boolean.TRUE);
        }
    }

    static boolean isForeignOrigin(Map<String, Object> userProperties) {
        return Boolean.TRUE.equals(userProperties.get(FOREIGN_ORIGIN));
    }

    private boolean isAllowed(String origin, String host) {
        String authority = authorityOf(origin);
        if (authority == null) {
            return false;
        }
        if (authority.equalsIgnoreCase(host)) {
            return true;
        }
        return publicOrigin().map(authority::equalsIgnoreCase).orElse(false);
    }

    private Optional<String> publicOrigin() {
        Optional<String> known = publicOrigin;
        if (known == null) {
            known = ConfigProvider.getConfig().getOptionalValue("public.url", String.class)
                    .map(RoomEndpointConfigurator::authorityOf);
            publicOrigin = known;
        }
        return known;
    }

    /** {@code host[:port]} of an origin or URL; null for {@code "null"} and anything that is not a URL. */
    private static String authorityOf(String url) {
        try {
            return URI.create(url.trim()).getRawAuthority();
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
