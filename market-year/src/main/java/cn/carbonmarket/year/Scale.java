package cn.carbonmarket.year;

import java.util.Locale;

/**
 * How big a market year is played: the parties of each kind, the trading days and the trades of an ordinary day
 * (the days before the deadline carry more, the tide).
 */
public record Scale(String name, int entities, int institutions, int individuals, int tradingDays,
                    int tradesPerDay) {

    /** What the e2e suite plays: a few dozen parties, one trading day. */
    public static final Scale SMALL = new Scale("small", 12, 6, 6, 1, 24);

    /** The seed article's proportions: about 2,000 entities, 1,000 institutions, 10,000 individuals. */
    public static final Scale FULL = new Scale("full", 2_000, 1_000, 10_000, 5, 2_000);

    public Scale {
        if (entities < 1 || institutions + individuals < 1 || tradingDays < 1 || tradesPerDay < 0) {
            throw new IllegalArgumentException("a market year needs an entity, a buyer and a trading day");
        }
    }

    public static Scale parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "small" -> SMALL;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("unknown scale '" + name + "': small or full");
        };
    }
}
