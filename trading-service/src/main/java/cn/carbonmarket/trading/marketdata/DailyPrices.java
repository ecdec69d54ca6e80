package cn.carbonmarket.trading.marketdata;

/**
 * One instrument's reference prices for one trading day, fed with that day's listing-agreement trades (block
 * trades do not move them). The open is the first trade, the close the volume-weighted average of the day's
 * trades rounded half up to the fen; without trades both are the previous close (Announcement of 2021-06-22).
 * The close becomes the next day's previous close, around which its price band is drawn.
 */
public final class DailyPrices {

    private final long previousClose;
    private long open;
    private long last;
    private long volume;
    private long turnover;

    /** @param previousClose in fen */
    public DailyPrices(long previousClose) {
        if (previousClose <= 0) {
            throw new IllegalArgumentException("a previous close is a positive price, not " + previousClose);
        }
        this.previousClose = previousClose;
    }

    /** Records a trade of the day in time order. */
    public void record(long price, long quantity) {
        if (price <= 0 || quantity <= 0) {
            throw new IllegalArgumentException("a trade has a positive price and quantity, not " + quantity + " t at "
                    + price);
        }
        if (volume == 0) {
            open = price;
        }
        last = price;
        volume = Math.addExact(volume, quantity);
        turnover = Math.addExact(turnover, Math.multiplyExact(price, quantity));
    }

    public long previousClose() {
        return previousClose;
    }

    public long open() {
        return volume == 0 ? previousClose : open;
    }

    /** The latest trade's price, or the previous close before the first trade. */
    public long last() {
        return volume == 0 ? previousClose : last;
    }

    public long close() {
        return close(turnover, volume, previousClose);
    }

    /** The volume-weighted average of trades worth {@code turnover} fen, half up to the fen, else the previous close. */
    static long close(long turnover, long volume, long previousClose) {
        return volume == 0 ? previousClose : Math.addExact(turnover, volume / 2) / volume;
    }

    /** Tonnes traded. */
    public long volume() {
        return volume;
    }

    /** Fen traded: the sum of price times quantity. */
    public long turnover() {
        return turnover;
    }
}
