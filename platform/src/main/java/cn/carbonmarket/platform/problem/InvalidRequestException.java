package cn.carbonmarket.platform.problem;

import cn.carbonmarket.platform.problem.Problem.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** HTTP 400: one or more fields of the request are invalid; each is listed. */
public class InvalidRequestException extends MarketException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("VALIDATION_FAILED", errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid request";
    }
}
