package cn.carbonmarket.year;

import java.util.Map;

/**
 * A compliance entity with one coal unit above 300 MW: its year's electricity, the coal it burned (bituminous,
 * 20.000 GJ/t, measured carbon content 0.02600 tC/GJ, oxidation 0.99), the earlier vintage it holds from before the
 * period ({@code grantedTonnes} of {@value Scenario#INSTRUMENT}) and how much of that it moves into trading to sell.
 */
public record CoveredEntity(String name, String region, String creditCode, String unitId, long electricityMwh,
                            long coalTonnes, long grantedTonnes, long intoTradingTonnes) {

    /** The same entity holding {@code tonnes} more from before the period, all of it moved into trading. */
    public CoveredEntity holdingMore(long tonnes) {
        return new CoveredEntity(name, region, creditCode, unitId, electricityMwh, coalTonnes, grantedTonnes + tonnes,
                intoTradingTonnes + tonnes);
    }

    public Map<String, Object> registration() {
        return Map.of("name", name, "type", "COMPLIANCE_ENTITY", "region", region, "creditCode", creditCode);
    }
}
