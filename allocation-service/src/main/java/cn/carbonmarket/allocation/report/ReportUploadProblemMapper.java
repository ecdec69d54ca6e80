package cn.carbonmarket.allocation.report;

import cn.carbonmarket.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An invalid report upload as problem+json with the platform's members and two of its own: {@code errors}, each
 * report's errors ({@code index}, {@code field}, {@code reason}; the first {@value ReportUploads#LISTED}), and
 * {@code errorCount}, how many there were in all.
 */
public class ReportUploadProblemMapper {

    /** The platform's {@link Problem} with indexed errors in place of its field errors. */
    public record ReportUploadProblem(URI type, String title, int status, String detail, String instance, String code,
                                      int errorCount, List<ItemError> errors) {
    }

    @ServerExceptionMapper
    public Response invalidUpload(ReportUploadInvalidException e, HttpServerRequest request) {
        ReportUploadProblem problem = new ReportUploadProblem(URI.create(
                "https://carbon-market.cn/problems/upload-invalid"), "Invalid upload", 400, e.getMessage(),
                request.path(), "UPLOAD_INVALID", e.total(), e.errors());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
