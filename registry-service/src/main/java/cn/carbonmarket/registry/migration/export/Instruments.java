package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Product;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the pilots' ways of writing an instrument into the national {@link InstrumentCode}. */
final class Instruments {

    /** "CQEA-2024" (Chongqing, Shenzhen) or "GDEA 2019" (Guangdong). */
    private static final Pattern PRODUCT_AND_VINTAGE = Pattern.compile("([A-Z]+)[- ]?(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Map<String, Product> PRODUCTS =
            Arrays.stream(Product.values()).collect(Collectors.toMap(Enum::name, Function.identity()));

    private Instruments() {
    }

    /** From one text holding product and vintage. */
    static InstrumentCode parse(Pilot pilot, String raw) throws UnreadableRowException {
        Matcher m = PRODUCT_AND_VINTAGE.matcher(ExportText.code(raw));
        if (!m.matches()) {
            throw new UnreadableRowException(
                    "instrument '" + ExportText.name(raw) + "' is not a product and a vintage");
        }
        return of(pilot, m.group(1), m.group(2));
    }

    /** From a product column and a vintage column (Beijing, Tianjin, Hubei). */
    static InstrumentCode of(Pilot pilot, String rawProduct, String rawVintage) throws UnreadableRowException {
        String code = ExportText.code(rawProduct);
        String vintage = ExportText.code(rawVintage);
        if (code.isEmpty()) {
            throw new UnreadableRowException("product is empty");
        }
        Product product = PRODUCTS.get(code);
        if (product == null) {
            throw new UnreadableRowException("product '" + code + "' is unknown");
        }
        // A pilot registry holds its own allowance and national units only; another pilot's allowance is an error.
        if (product.jurisdiction() != Jurisdiction.CN && product != pilot.allowance()) {
            throw new UnreadableRowException("product '" + code + "' is not issued by the " + pilot.displayName()
                    + " pilot or nationally");
        }
        if (!YEAR.matcher(vintage).matches()) {
            throw new UnreadableRowException("vintage '" + ExportText.name(rawVintage) + "' is not a year");
        }
        try {
            return new InstrumentCode(product, Integer.parseInt(vintage));
        } catch (InvalidValueException e) {
            throw new UnreadableRowException(e.getMessage());
        }
    }
}
