package cn.carbonmarket.platform.outbox;

/** An event that cannot be decoded. Retrying will not help: it goes to the consumer's dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
