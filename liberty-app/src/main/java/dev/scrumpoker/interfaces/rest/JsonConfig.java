package dev.scrumpoker.interfaces.rest;

import dev.scrumpoker.interfaces.representation.JsonFormat;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes JAX-RS write JSON exactly as the WebSocket edge does. */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return JsonFormat.jsonb();
    }
}
