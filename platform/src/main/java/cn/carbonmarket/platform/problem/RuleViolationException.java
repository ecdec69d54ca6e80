package cn.carbonmarket.platform.problem;

/** HTTP 422: the request is well-formed but a market rule refuses it. */
public class RuleViolationException extends MarketException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Rule violation";
    }
}
