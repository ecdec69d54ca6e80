package cn.carbonmarket.trading.risk;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything pre-trade risk knows of one party, by asset. Its monitor is the party's lock: a party's cash is shared
 * by every instrument's desk, so whoever reads and changes it (desks, feeds, withdrawal holds) does so under it.
 */
final class PartyAccount {

    private final Map<String, AssetPosition> assets = new TreeMap<>();

    AssetPosition asset(String asset) {
        return assets.computeIfAbsent(asset, a -> new AssetPosition());
    }

    Map<String, AssetPosition> assets() {
        return assets;
    }
}
