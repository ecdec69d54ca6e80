package cn.carbonmarket.platform.problem;

/** HTTP 409: the request contradicts what is already recorded (for example the same key with a different body). */
public class ConflictException extends MarketException {

    public ConflictException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
