package cn.carbonmarket.registry.migration.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an .xlsx workbook, read with the JDK alone: the shared strings table is held in memory,
 * the sheet's rows are streamed. Cells are returned as text (numbers as written in the sheet, e.g. "32235").
 */
final class XlsxSheet implements Closeable {

    /** A row's cells by column (A is 0); cells missing from a sparse row are empty. */
    @FunctionalInterface
    interface RowHandler {
        void row(int number, List<String> cells) throws IOException;
    }

    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final String FIRST_SHEET = "xl/worksheets/sheet1.xml";
    /** Excel's last column is XFD. */
    private static final int MAX_COLUMN_LETTERS = 3;

    private final String file;
    private final Path copy;
    private final ZipFile zip;

    private XlsxSheet(String file, Path copy, ZipFile zip) {
        this.file = file;
        this.copy = copy;
        this.zip = zip;
    }

    /**
     * A zip's directory is at its end and the shared strings may come after the sheet, so the upload is spooled to
     * a temporary file (disk, not memory) and opened for random access.
     */
    static XlsxSheet open(String file, InputStream in) throws IOException {
        Path copy = Files.createTempFile("pilot-export-", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new XlsxSheet(file, copy, new ZipFile(copy.toFile()));
        } catch (ZipException e) {
            Files.deleteIfExists(copy);
            throw new ExportFormatException(file + " is not an .xlsx workbook", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    void forEachRow(RowHandler handler) throws IOException {
        List<String> shared = sharedStrings();
        ZipEntry sheet = zip.getEntry(FIRST_SHEET);
        if (sheet == null) {
            throw new ExportFormatException(file + " has no " + FIRST_SHEET);
        }
        try (InputStream in = zip.getInputStream(sheet)) {
            XMLStreamReader xml = SafeXml.reader(in);
            int rowNumber = 0;
            int column = -1;
            String type = null;
            String value = "";
            List<String> cells = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            rowNumber = rowNumber(xml.getAttributeValue(null, "r"), rowNumber);
                            cells = new ArrayList<>();
                            column = -1;
                        }
                        case "c" -> {
                            column = column(xml.getAttributeValue(null, "r"), column);
                            type = xml.getAttributeValue(null, "t");
                            value = "";
                        }
                        case "v" -> value = cellValue(type, xml.getElementText(), shared);
                        case "is" -> value = richText(xml, "is");
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "c" -> put(cells, column, value);
                        case "row" -> handler.row(rowNumber, cells);
                        default -> { }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ExportFormatException(file + ": " + FIRST_SHEET + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            zip.close();
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private List<String> sharedStrings() throws IOException {
        List<String> strings = new ArrayList<>();
        ZipEntry entry = zip.getEntry(SHARED_STRINGS);
        if (entry == null) {
            return strings;     // a workbook whose strings are all inline has no table
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader xml = SafeXml.reader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    strings.add(richText(xml, "si"));
                }
            }
            return strings;
        } catch (XMLStreamException e) {
            throw new ExportFormatException(file + ": " + SHARED_STRINGS + ": " + e.getMessage(), e);
        }
    }

    private String cellValue(String type, String text, List<String> shared) throws ExportFormatException {
        if (!"s".equals(type)) {
            return text;
        }
        try {
            return shared.get(Integer.parseInt(text.strip()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new ExportFormatException(file + ": shared string '" + text + "' is not in " + SHARED_STRINGS, e);
        }
    }

    /**
     * The text of a string item (a shared string or an inline one): its {@code <t>} runs joined, leaving out the
     * phonetic guide runs ({@code <rPh>}) that East Asian Excel adds above the text.
     */
    private static String richText(XMLStreamReader xml, String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic++;
                } else if (xml.getLocalName().equals("t") && phonetic == 0) {
                    text.append(xml.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic--;
                } else if (xml.getLocalName().equals(element)) {
                    return text.toString();
                }
            }
        }
    }

    /** Rows and cells may omit their reference; they then follow the previous one. */
    private int rowNumber(String reference, int previous) throws ExportFormatException {
        if (reference == null) {
            return previous + 1;
        }
        try {
            return Integer.parseInt(reference);
        } catch (NumberFormatException e) {
            throw new ExportFormatException(file + ": row reference '" + reference + "' is not a number", e);
        }
    }

    /** "AB12" is column 27 (0-based). */
    private int column(String reference, int previous) throws ExportFormatException {
        if (reference == null) {
            return previous + 1;
        }
        int column = 0;
        int letters = 0;
        while (letters < reference.length() && reference.charAt(letters) >= 'A' && reference.charAt(letters) <= 'Z') {
            column = column * 26 + (reference.charAt(letters++) - 'A' + 1);
        }
        if (letters == 0 || letters > MAX_COLUMN_LETTERS) {
            throw new ExportFormatException(file + ": cell reference '" + reference + "' has no column");
        }
        return column - 1;
    }

    private static void put(List<String> cells, int column, String value) {
        while (cells.size() <= column) {
            cells.add("");
        }
        cells.set(column, value);
    }
}
