package cn.carbonmarket.contracts;

/**
 * A value that does not satisfy its type's rules. The message is written for the person who sent it
 * (it ends up in a problem+json detail), and {@link #field()} names what was wrong.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The trimmed text, or a "FIELD is required" error when it is missing or blank. */
    public static String require(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        return raw.strip();
    }
}
