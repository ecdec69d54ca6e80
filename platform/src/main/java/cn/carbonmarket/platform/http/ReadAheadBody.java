package cn.carbonmarket.platform.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Hands the endpoint a body BodyLimit has already read (its stream is spent): as the request's entity, before the
 * endpoint would wait for a body that has ended.
 */
class ReadAheadBody {

    @ServerRequestFilter(preMatching = true)
    void replay(ContainerRequestContext request, RoutingContext context) {
        Buffer body = context.get(BodyLimit.READ_AHEAD);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
