package cn.carbonmarket.settlement.ledger;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.util.Objects;

/**
 * What an account counts: CNY in fen, or whole tonnes of one instrument. A journal entry balances per asset, so fen
 * and tonnes never meet in one sum.
 */
public record Asset(String code) implements Comparable<Asset> {

    public static final Asset CNY = new Asset("CNY");

    public Asset {
        Objects.requireNonNull(code, "code");
    }

    public static Asset of(InstrumentCode instrument) {
        return new Asset(instrument.toString());
    }

    /** Reads a stored code back: CNY or an instrument code. */
    public static Asset parse(String code) {
        return CNY.code.equals(code) ? CNY : of(InstrumentCode.parse(code));
    }

    public boolean isCash() {
        return this.equals(CNY);
    }

    public InstrumentCode instrument() {
        if (isCash()) {
            throw new IllegalStateException("CNY is not an instrument");
        }
        return InstrumentCode.parse(code);
    }

    @Override
    public int compareTo(Asset other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
