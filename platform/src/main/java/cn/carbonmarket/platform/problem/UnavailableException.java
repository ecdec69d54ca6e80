package cn.carbonmarket.platform.problem;

/** HTTP 503: the service cannot take the request now, though it may later (the code says why). */
public class UnavailableException extends MarketException {

    public UnavailableException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
