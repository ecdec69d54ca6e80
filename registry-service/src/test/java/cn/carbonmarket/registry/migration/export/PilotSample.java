package cn.carbonmarket.registry.migration.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample export of each pilot under src/test/resources/pilots, with its control totals and what the generator
 * put in it: the text encoding of the line-based formats, and how many exact duplicate records (the generator copies
 * two lines of each delimited export and one Shanghai row).
 */
public enum PilotSample {
    BJ("beijing", "beijing_holdings.csv", Charset.forName("GB18030"), 2),
    TJ("tianjin", "tianjin_balances.csv", StandardCharsets.UTF_8, 2),
    SH("shanghai", "shanghai_registry.xlsx", null, 1),
    CQ("chongqing", "chongqing_holdings.tsv", StandardCharsets.UTF_8, 2),
    HB("hubei", "hubei_registry.xml", null, 0),
    GD("guangdong", "guangdong_positions.csv", StandardCharsets.UTF_8, 2),
    SZ("shenzhen", "shenzhen_registry.json", null, 0);

    private final String folder;
    private final String file;
    private final Charset charset;
    private final int duplicates;

    PilotSample(String folder, String file, Charset charset, int duplicates) {
        this.folder = folder;
        this.file = file;
        this.charset = charset;
        this.duplicates = duplicates;
    }

    public static PilotSample of(Pilot pilot) {
        return valueOf(pilot.name());
    }

    public Pilot pilot() {
        return Pilot.valueOf(name());
    }

    /** The export's file name. */
    public String file() {
        return file;
    }

    public int duplicates() {
        return duplicates;
    }

    /** The encoding of a line-based export; null for the structured formats (.xlsx, .xml, .json). */
    public Charset charset() {
        return charset;
    }

    public byte[] export() {
        return bytes(file);
    }

    public byte[] controlJson() {
        return bytes("control.json");
    }

    public ControlTotals control() {
        try (InputStream in = open("control.json")) {
            return ControlTotals.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of the export as its reader sees it. */
    public List<ExportLine> lines() {
        List<ExportLine> lines = new ArrayList<>();
        try (InputStream in = open(file)) {
            PilotExportReaders.forPilot(pilot()).read(file, in, lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    InputStream open(String name) {
        InputStream in = PilotSample.class.getResourceAsStream("/pilots/" + folder + "/" + name);
        if (in == null) {
            throw new IllegalStateException("no test resource pilots/" + folder + "/" + name);
        }
        return in;
    }

    private byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
