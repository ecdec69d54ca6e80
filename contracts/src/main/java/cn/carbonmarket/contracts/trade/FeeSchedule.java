package cn.carbonmarket.contracts.trade;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The exchange's published trading fees per trade mode and side: a rate on the trade's value, rounded as the
 * schedule says, never below the minimum per trade. Trading reserves and reports these fees, settlement charges them:
 * both read the one schedule published here ({@link #published()}), so they cannot drift apart. Integer arithmetic;
 * an overflow fails loudly.
 */
public final class FeeSchedule {

    /** The versioned rule pack on the classpath: data with its source, not code. */
    public static final String RESOURCE = "/rules/fee-schedule.properties";

    private static final FeeSchedule PUBLISHED = load(RESOURCE);

    private final String version;
    private final Map<TradeMode, Map<Side, FeeRate>> rates;
    private final FeeRounding rounding;
    private final String source;

    public FeeSchedule(String version, Map<TradeMode, Map<Side, FeeRate>> rates, FeeRounding rounding, String source) {
        if (version == null || version.isBlank() || source == null || source.isBlank()) {
            throw new IllegalStateException("a fee schedule names its version and its source");
        }
        this.rates = new EnumMap<>(TradeMode.class);
        for (TradeMode mode : TradeMode.values()) {
            Map<Side, FeeRate> sides = rates.get(mode);
            if (sides == null || !sides.keySet().containsAll(java.util.EnumSet.allOf(Side.class))) {
                throw new IllegalStateException("the fee schedule has no buyer and seller rate for " + mode);
            }
            this.rates.put(mode, new EnumMap<>(sides));
        }
        this.version = version;
        this.rounding = rounding;
        this.source = source;
    }

    /** The schedule in force, as published in {@link #RESOURCE}. */
    public static FeeSchedule published() {
        return PUBLISHED;
    }

    /** The fee in fen one side pays on a trade of {@code valueFen}. */
    public long fee(TradeMode mode, Side side, long valueFen) {
        FeeRate rate = rate(mode, side);
        return Math.max(rounding.toFen(Math.multiplyExact(valueFen, rate.basisPoints())), rate.minimumFen());
    }

    /**
     * The most fee one tonne traded at {@code price} can cost, however an order is split into trades: every tonne
     * a trade of its own pays the minimum or the rate with any fraction rounded up, and no coarser split of the
     * same tonnes pays more (the minimum applies per trade, a rounded-up rate is at least the exact one).
     */
    public long worstFeePerTonne(TradeMode mode, Side side, long price) {
        FeeRate rate = rate(mode, side);
        return Math.max(FeeRounding.UP.toFen(Math.multiplyExact(price, rate.basisPoints())), rate.minimumFen());
    }

    public FeeRate rate(TradeMode mode, Side side) {
        return rates.get(mode).get(side);
    }

    public FeeRounding rounding() {
        return rounding;
    }

    public String version() {
        return version;
    }

    public String source() {
        return source;
    }

    /** Reads a schedule; a missing or malformed entry stops the service rather than charging wrong fees. */
    static FeeSchedule load(String resource) {
        Properties pack = new Properties();
        try (InputStream in = FeeSchedule.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            pack.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fee schedule " + resource, e);
        }
        Map<TradeMode, Map<Side, FeeRate>> rates = new EnumMap<>(TradeMode.class);
        for (TradeMode mode : TradeMode.values()) {
            Map<Side, FeeRate> sides = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                String prefix = mode + "." + side + ".";
                sides.put(side, new FeeRate(whole(pack, prefix + "basisPoints"), whole(pack, prefix + "minimumFen")));
            }
            rates.put(mode, sides);
        }
        return new FeeSchedule(required(pack, "version"), rates, FeeRounding.valueOf(required(pack, "rounding")),
                required(pack, "source"));
    }

    private static long whole(Properties pack, String key) {
        String value = required(pack, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the fee schedule's " + key + " is not a whole number: " + value, e);
        }
    }

    private static String required(Properties pack, String key) {
        String value = pack.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the fee schedule has no " + key);
        }
        return value.strip();
    }
}
