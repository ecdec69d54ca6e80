package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instrument: a product (CEA national allowance, CCER offset, or a pilot's allowance) and a vintage year,
 * written {@code PRODUCT-YYYY}, e.g. {@code CEA-2025}.
 */
public record InstrumentCode(Product product, int vintage) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2,4})-(\\d{4})");
    /** The pilots started in 2013; nothing older exists, and nothing is issued more than a few years ahead. */
    public static final int FIRST_VINTAGE = 2013;
    public static final int LAST_VINTAGE = 2100;

    public InstrumentCode {
        if (product == null) {
            throw new InvalidValueException("instrument", "instrument product is required");
        }
        if (vintage < FIRST_VINTAGE || vintage > LAST_VINTAGE) {
            throw new InvalidValueException("instrument",
                    "vintage " + vintage + " is outside " + FIRST_VINTAGE + ".." + LAST_VINTAGE);
        }
    }

    public static InstrumentCode parse(String raw) {
        String text = InvalidValueException.require("instrument", raw);
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException("instrument",
                    "instrument '" + text + "' is not PRODUCT-YYYY (for example CEA-2025)");
        }
        return new InstrumentCode(Product.fromCode(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return product.name() + "-" + vintage;
    }
}
