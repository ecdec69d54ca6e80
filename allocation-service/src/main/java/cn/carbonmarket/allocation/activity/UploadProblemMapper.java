package cn.carbonmarket.allocation.activity;

import cn.carbonmarket.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An invalid upload as problem+json with the platform's members and two of its own: {@code errors}, each line's
 * error ({@code line}, {@code field}, {@code reason}; the first {@value RowErrors#LISTED}), and {@code errorCount},
 * how many there were in all.
 */
public class UploadProblemMapper {

    /** The platform's {@link Problem} with line-numbered errors in place of its field errors. */
    public record UploadProblem(URI type, String title, int status, String detail, String instance, String code,
                                int errorCount, List<RowError> errors) {
    }

    @ServerExceptionMapper
    public Response invalidUpload(UploadInvalidException e, HttpServerRequest request) {
        UploadProblem problem = new UploadProblem(URI.create("https://carbon-market.cn/problems/upload-invalid"),
                "Invalid upload", 400, e.getMessage(), request.path(), "UPLOAD_INVALID", e.total(), e.errors());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
