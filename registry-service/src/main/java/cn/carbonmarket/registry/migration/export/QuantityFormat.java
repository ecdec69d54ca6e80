package cn.carbonmarket.registry.migration.export;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a pilot writes a holding's quantity. Whatever the unit, the result must be a whole, non-negative number of
 * tonnes; anything else is an unreadable row, never rounded. Full-width digits are read as digits.
 */
enum QuantityFormat {
    /** Whole tonnes, digits only: {@code 32235}. */
    TONNES(0, false, "t"),
    /** Whole tonnes, thousands separated by commas or not: {@code 26,323}. */
    GROUPED_TONNES(0, true, "t"),
    /** 万吨 (10,000 t) with up to four decimals: {@code 58.5128} is 585,128 t. */
    TEN_THOUSAND_TONNES(4, false, "万吨");

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Groups of exactly three digits, so that a decimal comma such as "1,5" is not mistaken for 15 tonnes. */
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final int MAX_PLAIN_DIGITS = 18;

    private final int decimalShift;
    private final boolean thousandsSeparators;
    private final String unit;

    QuantityFormat(int decimalShift, boolean thousandsSeparators, String unit) {
        this.decimalShift = decimalShift;
        this.thousandsSeparators = thousandsSeparators;
        this.unit = unit;
    }

    long tonnes(String raw) throws UnreadableRowException {
        String text = ExportText.code(raw);
        if (text.isEmpty()) {
            throw new UnreadableRowException("quantity is empty");
        }
        // Nearly every row is plain digits in tonnes: skip BigDecimal for them, the import reads millions of rows.
        if (decimalShift == 0 && text.length() <= MAX_PLAIN_DIGITS && isDigits(text)) {
            return Long.parseLong(text);
        }
        if (thousandsSeparators && THOUSANDS.matcher(text).matches()) {
            text = text.replace(",", "");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new UnreadableRowException("quantity '" + raw.strip() + "' is not a number");
        }
        return tonnes(new BigDecimal(text), raw.strip());
    }

    /** For exports that carry the quantity as a typed number (JSON); {@code raw} is the number as written. */
    long tonnes(BigDecimal quantity, String raw) throws UnreadableRowException {
        if (quantity.signum() < 0) {
            throw new UnreadableRowException("quantity '" + raw + "' is negative");
        }
        BigDecimal tonnes = quantity.movePointRight(decimalShift);
        if (tonnes.stripTrailingZeros().scale() > 0) {
            throw new UnreadableRowException("quantity '" + raw + "' (" + unit + ") is not a whole number of tonnes");
        }
        try {
            return tonnes.longValueExact();
        } catch (ArithmeticException e) {
            throw new UnreadableRowException("quantity '" + raw + "' is too large");
        }
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
