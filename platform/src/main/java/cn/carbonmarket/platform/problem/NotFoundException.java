package cn.carbonmarket.platform.problem;

/** HTTP 404: the thing asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends MarketException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String title() {
        return "Not found";
    }
}
