package cn.carbonmarket.contracts.trade;

/** One side's fee: a rate on the trade's value in basis points (1/10,000), and a minimum per trade in fen. */
public record FeeRate(long basisPoints, long minimumFen) {

    public FeeRate {
        if (basisPoints < 0 || minimumFen < 0) {
            throw new IllegalArgumentException("fee rates and minimums are not negative");
        }
    }
}
