package cn.carbonmarket.registry.migration.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A delimited text export: one header line, then one record per line, fields split by a separator and quoted with
 * '"' when they contain it (a doubled '"' inside quotes is a quote). The caller closes the stream.
 */
final class DelimitedFormat {

    private static final char QUOTE = '"';
    private static final char UNDECODABLE = '\uFFFD';
    private static final int BUFFER_CHARS = 1 << 16;

    private final Charset charset;
    private final char separator;

    DelimitedFormat(Charset charset, char separator) {
        this.charset = charset;
        this.separator = separator;
    }

    void read(String file, InputStream in, Consumer<ExportLine> sink, TabularLayout layout) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), BUFFER_CHARS);
        String headerLine = reader.readLine();
        if (headerLine == null) {
            throw new ExportFormatException(file + ": the file is empty");
        }
        Columns header;
        try {
            header = Columns.of(file, split(ExportText.withoutByteOrderMark(headerLine)));
        } catch (UnreadableRowException e) {
            throw new ExportFormatException(file + ": header: " + e.getMessage());
        }
        TabularLayout.RowMapper rows = layout.bind(header);
        LineSink lines = new LineSink(file, sink);
        int number = 1;
        String text;
        while ((text = reader.readLine()) != null) {
            number++;
            // A blank line holds no fields at all (a row of empty fields still has its separators): nothing to read.
            if (text.isBlank()) {
                continue;
            }
            int line = number;
            String row = text;
            lines.accept(line, row, () -> rows.holding(line, fields(row, header.width())));
        }
    }

    private List<String> fields(String text, int width) throws UnreadableRowException {
        if (text.indexOf(UNDECODABLE) >= 0) {
            throw new UnreadableRowException("the line has bytes that are not " + charset.name() + " text");
        }
        List<String> fields = split(text);
        if (fields.size() != width) {
            throw new UnreadableRowException("the line has " + fields.size() + " fields, the header " + width);
        }
        return fields;
    }

    List<String> split(String text) throws UnreadableRowException {
        List<String> fields = new ArrayList<>();
        int at = 0;
        while (true) {
            if (at < text.length() && text.charAt(at) == QUOTE) {
                StringBuilder field = new StringBuilder();
                at = quoted(text, at + 1, field);
                fields.add(field.toString());
                if (at == text.length()) {
                    return fields;
                }
                if (text.charAt(at) != separator) {
                    throw new UnreadableRowException("text follows a closing quote at character " + (at + 1));
                }
                at++;
            } else {
                int end = text.indexOf(separator, at);
                if (end < 0) {
                    fields.add(text.substring(at));
                    return fields;
                }
                fields.add(text.substring(at, end));
                at = end + 1;
            }
        }
    }

    /** Appends a quoted field's text, starting after its opening quote; returns the index after its closing quote. */
    private static int quoted(String text, int from, StringBuilder field) throws UnreadableRowException {
        int at = from;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c != QUOTE) {
                field.append(c);
            } else if (at < text.length() && text.charAt(at) == QUOTE) {
                field.append(QUOTE);
                at++;
            } else {
                return at;
            }
        }
        throw new UnreadableRowException("a quoted field is not closed");
    }
}
