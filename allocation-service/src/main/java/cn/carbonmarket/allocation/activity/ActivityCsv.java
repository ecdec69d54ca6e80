package cn.carbonmarket.allocation.activity;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads a year's activity data upload: a header line, then one unit a line
 * ({@code unit_id,electricity_supplied_mwh,heat_supplied_gj,load_factor,heat_supply_ratio}), blank lines ignored.
 * The body is read line by line as it arrives and hashed on the way (SHA-256 of its bytes, which identifies the same
 * upload again); only the parsed rows are kept. Each line is checked on its own and against the lines before it (a
 * unit twice); whether the units exist and the caller may write them is the register's question.
 */
final class ActivityCsv {

    static final List<String> HEADER = List.of("unit_id", "electricity_supplied_mwh", "heat_supplied_gj",
            "load_factor", "heat_supply_ratio");

    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** A well-formed line: its number in the file (the header is line 1) and the unit's figures. */
    record UploadRow(int line, ActivityRow row) {
    }

    /** What the file holds: its hash, its well-formed rows in file order, and the errors of the others. */
    record Parsed(String contentHash, List<UploadRow> rows, RowErrors errors) {
    }

    private ActivityCsv() {
    }

    /** The upload's rows; fails with the header's error alone when the first line is not the header. */
    static Parsed read(InputStream body) {
        MessageDigest sha256 = sha256();
        RowErrors errors = new RowErrors();
        List<UploadRow> rows = new ArrayList<>();
        Map<String, Integer> firstLineOfUnit = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new DigestInputStream(body, sha256),
                UTF_8))) {
            if (!isHeader(reader.readLine())) {
                errors.add(1, "header", "the first line is the header " + String.join(",", HEADER));
                errors.throwIfAny();
            }
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (!text.isBlank()) {
                    UploadRow row = row(line, text, firstLineOfUnit, errors);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            if (rows.isEmpty() && errors.total() == 0) {
                errors.add(line, "body", "the upload has no rows after its header");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        return new Parsed(HexFormat.of().formatHex(sha256.digest()), rows, errors);
    }

    private static boolean isHeader(String line) {
        if (line == null) {
            return false;
        }
        String[] names = line.replace(BYTE_ORDER_MARK, "").split(",", -1);
        return names.length == HEADER.size()
                && IntStream.range(0, names.length).allMatch(i -> names[i].trim().equals(HEADER.get(i)));
    }

    /** The line's row, or null after recording each of its errors. */
    private static UploadRow row(int line, String text, Map<String, Integer> firstLineOfUnit, RowErrors errors) {
        String[] fields = text.split(",", -1);
        if (fields.length != HEADER.size()) {
            errors.add(line, "row", HEADER.size() + " fields expected, found " + fields.length);
            return null;
        }
        int before = errors.total();
        String unitId = fields[0].trim();
        if (unitId.isEmpty()) {
            errors.add(line, "unit_id", "missing");
        } else {
            Integer first = firstLineOfUnit.putIfAbsent(unitId, line);
            if (first != null) {
                errors.add(line, "unit_id", "unit " + unitId + " is already on line " + first);
            }
        }
        Long electricity = whole(line, HEADER.get(1), fields[1].trim(), errors);
        Long heat = whole(line, HEADER.get(2), fields[2].trim(), errors);
        BigDecimal loadFactor = share(line, HEADER.get(3), fields[3].trim(), errors);
        BigDecimal heatSupplyRatio = share(line, HEADER.get(4), fields[4].trim(), errors);
        if (errors.total() > before) {
            return null;
        }
        return new UploadRow(line, new ActivityRow(unitId,
                new ActivityFigures(electricity, heat, loadFactor, heatSupplyRatio)));
    }

    private static Long whole(int line, String field, String text, RowErrors errors) {
        if (WHOLE.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        errors.add(line, field, text.startsWith("-") ? "not negative, got " + text
                : "a whole number (at most 18 digits) expected, got '" + text + "'");
        return null;
    }

    private static BigDecimal share(int line, String field, String text, RowErrors errors) {
        if (!DECIMAL.matcher(text).matches()) {
            errors.add(line, field, "a decimal share from 0 to 1 expected, got '" + text + "'");
            return null;
        }
        BigDecimal share = new BigDecimal(text);
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            errors.add(line, field, "a share from 0 to 1, got " + text);
            return null;
        }
        if (share.scale() > ActivityFigures.SHARE_SCALE) {
            errors.add(line, field, "at most " + ActivityFigures.SHARE_SCALE + " decimal places, got " + text);
            return null;
        }
        return share;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
