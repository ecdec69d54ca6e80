package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import java.math.BigDecimal;

/**
 * An amount of CNY in fen (1 yuan = 100 fen). Signed, because ledgers need debits; arithmetic is exact and
 * overflows loudly rather than wrapping.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses a yuan amount with at most two decimals, e.g. "58.03"; anything finer than a fen is rejected. */
    public static Money parseYuan(String raw) {
        String text = InvalidValueException.require("amount", raw);
        try {
            BigDecimal yuan = new BigDecimal(text);
            if (yuan.scale() > 2) {
                throw new InvalidValueException("amount", "amount '" + text + "' is finer than one fen (0.01 CNY)");
            }
            return new Money(yuan.movePointRight(2).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("amount", "amount '" + text + "' is not a yuan amount like 58.03");
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return "CNY " + yuan().toPlainString();
    }
}
