package cn.carbonmarket.platform.problem;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.platform.problem.Problem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a service returns is RFC 9457 problem+json, whichever layer raised it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_BASE = "https://carbon-market.cn/problems/";

    @ServerExceptionMapper
    public Response market(MarketException e, HttpServerRequest request) {
        List<FieldError> errors = e instanceof InvalidRequestException invalid ? invalid.errors() : List.of();
        return respond(e.status(), e.title(), e.getMessage(), e.code(), errors, request);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e, HttpServerRequest request) {
        return validation(List.of(new FieldError(e.field(), e.getMessage())), request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors, request);
    }

    /** Malformed JSON, a wrong type, an unknown field, or a value type that refused its text. */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, HttpServerRequest request) {
        if (rootCause(e) instanceof InvalidValueException invalid) {
            return invalidValue(invalid, request);
        }
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : "body";
        String message = e instanceof UnrecognizedPropertyException unknown
                ? "unknown field; expected one of " + unknown.getKnownPropertyIds()
                : e.getOriginalMessage().replaceAll(" ?\\(class [^)]*\\)", "");
        return validation(List.of(new FieldError(field, message)), request);
    }

    /** Named on its own: Quarkus has a built-in mapper for this subtype that answers 400 with an empty body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return unreadableBody(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(401, "Unauthorized", "a valid bearer token is required", "UNAUTHENTICATED", List.of(), request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthorized(new UnauthorizedException(), request);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(403, "Forbidden", "the caller's roles do not allow this operation", "ROLE_NOT_ALLOWED",
                List.of(), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (rootCause(e) instanceof InvalidValueException invalid) {
            return invalidValue(invalid, request);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableBody(json, request);
            }
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return respond(status, title, e.getMessage(), title.toUpperCase().replace(' ', '_'), List.of(), request);
    }

    /** Anything else; a unique key hit by a concurrent write is a 409 the client may retry. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (UniqueViolation.test(e)) {
            return respond(409, "Conflict", "a concurrent request wrote the same record; retry to see its result",
                    "CONCURRENT_WRITE", List.of(), request);
        }
        LOG.errorf(e, "unexpected failure on %s %s", request.method(), request.path());
        return respond(500, "Internal error", "the service failed unexpectedly; the failure is logged",
                "INTERNAL", List.of(), request);
    }

    private Response validation(List<FieldError> errors, HttpServerRequest request) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "Invalid request", detail, "VALIDATION_FAILED", errors, request);
    }

    static Response respond(int status, String title, String detail, String code, List<FieldError> errors,
                            HttpServerRequest request) {
        Problem problem = new Problem(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')), title, status,
                detail, request.path(), code, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** "register.request.name" becomes "name": clients know their body's fields, not our method names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
