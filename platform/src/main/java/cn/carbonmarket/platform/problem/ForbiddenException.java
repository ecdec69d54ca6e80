package cn.carbonmarket.platform.problem;

/** HTTP 403: the caller is authenticated but may not act on this party or account. */
public class ForbiddenException extends MarketException {

    public ForbiddenException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
