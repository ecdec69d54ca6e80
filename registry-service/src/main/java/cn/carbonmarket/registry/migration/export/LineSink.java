package cn.carbonmarket.registry.migration.export;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Where every reader sends its records: drops exact duplicates, and turns each other record into one line. */
final class LineSink {

    /** Reads one record into a holding, or says why it cannot. */
    @FunctionalInterface
    interface Reading {
        HoldingLine holding() throws UnreadableRowException;
    }

    private final String file;
    private final Consumer<ExportLine> sink;
    private final UnaryOperator<String> display;
    private final DuplicateDetector seen = new DuplicateDetector();

    /** For exports whose records read well as they are compared: a line of text, an XML tag, compact JSON. */
    LineSink(String file, Consumer<ExportLine> sink) {
        this(file, sink, UnaryOperator.identity());
    }

    /** {@code display} turns a record into the text an {@link UnreadableLine} shows; only unreadable records pay. */
    LineSink(String file, Consumer<ExportLine> sink, UnaryOperator<String> display) {
        this.file = file;
        this.sink = sink;
        this.display = display;
    }

    String file() {
        return file;
    }

    /** {@code record} is the record's full content, compared for exact duplicates. */
    void accept(int line, String record, Reading reading) {
        int earlier = seen.earlierLineOf(record, line);
        if (earlier != 0) {
            sink.accept(new DuplicateLine(file, line, earlier));
            return;
        }
        try {
            sink.accept(reading.holding());
        } catch (UnreadableRowException e) {
            sink.accept(new UnreadableLine(file, line, e.getMessage(), display.apply(record)));
        }
    }
}
