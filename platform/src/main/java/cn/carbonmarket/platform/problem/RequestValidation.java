package cn.carbonmarket.platform.problem;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.platform.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Parses a request's fields into value types, collecting every error so the client can fix them all at once. */
public final class RequestValidation {

    private final List<FieldError> errors = new ArrayList<>();

    /** The parsed value, or null after recording the field's error. */
    public <T> T field(String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** A UUID path or query parameter, or a 400 naming the parameter. */
    public static UUID uuid(String field, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException(List.of(new FieldError(field, "'" + raw + "' is not a UUID")));
        }
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
