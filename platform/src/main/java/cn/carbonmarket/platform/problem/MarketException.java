package cn.carbonmarket.platform.problem;

/**
 * A refusal a client can act on, with its HTTP status and a stable code. Services throw the subclasses; the
 * platform turns them into problem+json.
 */
public abstract class MarketException extends RuntimeException {

    private final String code;

    protected MarketException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract int status();

    public abstract String title();
}
