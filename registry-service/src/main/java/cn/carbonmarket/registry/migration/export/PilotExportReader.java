package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Turns one pilot's registry export into typed lines, without judging identities or booking anything. */
public interface PilotExportReader {

    Pilot pilot();

    /** Whether the file, by its name, is this pilot's export (its control.json never is). */
    boolean accepts(String fileName);

    /**
     * Streams the file's records to {@code sink} in file order, holding only the duplicate detector in memory. Every
     * record becomes exactly one line; a problem with the file as a whole (wrong format, missing column, broken
     * XML) is an {@link ExportFormatException}.
     */
    void read(String fileName, InputStream in, Consumer<ExportLine> sink) throws IOException;
}
