package cn.carbonmarket.contracts.coverage;

import cn.carbonmarket.contracts.InvalidValueException;
import java.util.Arrays;

/**
 * The sector an obligation covers. Every obligation today is for CO2, so a sector names the scope that State
 * Council Order No. 775's one-market rule compares: an entity the national market covers for a sector takes no
 * part in a pilot's compliance for the same sector.
 */
public enum Sector {
    POWER,
    STEEL,
    CEMENT,
    ALUMINIUM,
    PETROCHEMICAL,
    CHEMICAL,
    PAPER,
    AVIATION,
    BUILDING,
    TRANSPORT,
    MANUFACTURING,
    OTHER;

    public static Sector parse(String raw) {
        String text = InvalidValueException.require("sector", raw);
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidValueException("sector", "unknown sector '" + text
                        + "'; expected one of " + Arrays.toString(values())));
    }
}
