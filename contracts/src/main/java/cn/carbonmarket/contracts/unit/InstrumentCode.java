package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Region;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An instrument: a product (an allowance of the national market or a pilot, or an offset credit) and a vintage year,
 * written {@code PRODUCT-YYYY}, e.g. {@code CEA-2025}; an offset may also name its origin, the project's province
 * and type: {@code CCER-2025-HB-WIND}. Offsets of different origins are different instruments; an offset without
 * an origin (as the pilots' exports carry them) is one of unrecorded origin.
 */
public record InstrumentCode(Product product, int vintage, OffsetOrigin origin) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{2,5})-(\\d{4})(?:-([A-Z]{2})-([A-Z_]+))?");
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
        if (origin != null && !product.isOffset()) {
            throw new InvalidValueException("instrument", product + " is an allowance; only offsets name an origin");
        }
    }

    /** An instrument without an origin: any allowance, or an offset of unrecorded origin. */
    public InstrumentCode(Product product, int vintage) {
        this(product, vintage, null);
    }

    public static InstrumentCode parse(String raw) {
        String text = InvalidValueException.require("instrument", raw);
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException("instrument", "instrument '" + text
                    + "' is not PRODUCT-YYYY (for example CEA-2025) or, for an offset, PRODUCT-YYYY-PROVINCE-TYPE"
                    + " (for example CCER-2025-HB-WIND)");
        }
        OffsetOrigin origin = m.group(3) == null ? null
                : new OffsetOrigin(Region.parse(m.group(3)), ProjectType.parse(m.group(4)));
        return new InstrumentCode(Product.fromCode(m.group(1)), Integer.parseInt(m.group(2)), origin);
    }

    public Optional<OffsetOrigin> originIfRecorded() {
        return Optional.ofNullable(origin);
    }

    /** The same product and origin, another vintage. */
    public InstrumentCode withVintage(int otherVintage) {
        return new InstrumentCode(product, otherVintage, origin);
    }

    @Override
    public String toString() {
        return origin == null ? product.name() + "-" + vintage : product.name() + "-" + vintage + "-" + origin;
    }
}
