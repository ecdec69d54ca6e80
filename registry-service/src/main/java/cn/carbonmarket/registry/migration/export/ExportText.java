package cn.carbonmarket.registry.migration.export;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation of the code-like texts of an export (account numbers, identities, products, quantities, headers). */
final class ExportText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String CONTROL_FILE = "control.json";

    private ExportText() {
    }

    /**
     * Trimmed, upper-cased, and NFKC-normalised so that full-width digits, letters and punctuation typed in a Chinese
     * input method ("１２３", "ｘ", "，") read as their ASCII forms. Null reads as empty.
     */
    static String code(String raw) {
        if (raw == null) {
            return "";
        }
        String text = isAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        return text.strip().toUpperCase(Locale.ROOT);
    }

    /** Names are legal names: only the surrounding blanks go, full-width brackets in them stay as registered. */
    static String name(String raw) {
        return raw == null ? "" : raw.strip();
    }

    static String withoutByteOrderMark(String firstLine) {
        return !firstLine.isEmpty() && firstLine.charAt(0) == BYTE_ORDER_MARK ? firstLine.substring(1) : firstLine;
    }

    /** Whether a file of an upload is an export with this extension; the pilot's control totals never are. */
    static boolean isExportFile(String fileName, String extension) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith("." + extension) && !name.equals(CONTROL_FILE);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
