package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import java.util.Arrays;

/**
 * The type of project an offset credit was issued for: pilots' rules exclude some (hydro power in several pilots)
 * and the inclusive (puhui) credits come from individuals' low-carbon actions.
 */
public enum ProjectType {
    HYDRO,
    WIND,
    SOLAR,
    FORESTRY,
    METHANE,
    ENERGY_EFFICIENCY,
    LOW_CARBON_ACTION,
    OTHER;

    public static ProjectType parse(String raw) {
        String text = InvalidValueException.require("projectType", raw);
        return Arrays.stream(values()).filter(t -> t.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidValueException("projectType", "unknown project type '" + text
                        + "'; expected one of " + Arrays.toString(values())));
    }
}
