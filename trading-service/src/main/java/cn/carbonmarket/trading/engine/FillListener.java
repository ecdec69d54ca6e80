package cn.carbonmarket.trading.engine;

/**
 * The seam between matching and what follows a fill (pre-trade risk release, the trade event for settlement,
 * market data). The engine calls it on its writer thread, once per fill, in execution order, also while it
 * replays the journal: a listener that publishes must recognise a fill by its trade id.
 */
@FunctionalInterface
public interface FillListener {

    void filled(Fill fill);
}
