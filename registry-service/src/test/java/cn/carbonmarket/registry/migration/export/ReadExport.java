package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.unit.InstrumentCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lines a reader produced for one file, sorted by kind, for assertions. */
record ReadExport(List<ExportLine> lines) {

    static ReadExport of(Pilot pilot, String fileName, InputStream in) {
        List<ExportLine> lines = new ArrayList<>();
        try {
            PilotExportReaders.forPilot(pilot).read(fileName, in, lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReadExport(lines);
    }

    static ReadExport of(Pilot pilot, String fileName, String content, Charset charset) {
        return of(pilot, fileName, new ByteArrayInputStream(content.getBytes(charset)));
    }

    List<HoldingLine> holdings() {
        return lines.stream().filter(HoldingLine.class::isInstance).map(HoldingLine.class::cast).toList();
    }

    List<UnreadableLine> unreadable() {
        return lines.stream().filter(UnreadableLine.class::isInstance).map(UnreadableLine.class::cast).toList();
    }

    List<DuplicateLine> duplicates() {
        return lines.stream().filter(DuplicateLine.class::isInstance).map(DuplicateLine.class::cast).toList();
    }

    HoldingLine onlyHolding() {
        return only(holdings());
    }

    UnreadableLine onlyUnreadable() {
        return only(unreadable());
    }

    private <T extends ExportLine> T only(List<T> found) {
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one such line in " + lines);
        }
        return found.get(0);
    }

    Map<InstrumentCode, Long> tonnesByInstrument() {
        Map<InstrumentCode, Long> tonnes = new LinkedHashMap<>();
        holdings().forEach(h -> tonnes.merge(h.instrument(), h.tonnes(), Long::sum));
        return tonnes;
    }
}
