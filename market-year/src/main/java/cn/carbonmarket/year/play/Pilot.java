package cn.carbonmarket.year.play;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.InstrumentCode;
import cn.carbonmarket.contracts.unit.Product;
import cn.carbonmarket.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The seven pilots as the acceptance suite drives them: each one's sample registry export and control totals on the
 * test classpath ({@code /pilots/<folder>/}), and its provincial authority. Shenzhen's authority is of Guangdong's
 * region and runs the Shenzhen pilot through its jurisdiction claim; the others run the pilot of their region.
 */
public enum Pilot {
    BJ("beijing", "beijing_holdings.csv", "BJ", 2_000, 500, 5_000),
    TJ("tianjin", "tianjin_balances.csv", "TJ", 1_000, 1_000, 0),
    SH("shanghai", "shanghai_registry.xlsx", "SH", 1_000, 500, 0),
    CQ("chongqing", "chongqing_holdings.tsv", "CQ", 2_000, 800, 0),
    HB("hubei", "hubei_registry.xml", "HB", 1_000, 1_000, 10_000),
    GD("guangdong", "guangdong_positions.csv", "GD", 1_000, 1_000, 7_000),
    SZ("shenzhen", "shenzhen_registry.json", "GD", 1_000, 1_000, 0);

    private final String folder;
    private final String exportFile;
    private final String region;
    private final int bandBasisPoints;
    private final int offsetLimitBasisPoints;
    private final int localOffsetBasisPoints;

    /**
     * The pilot's figures the suite expects its rule packs (trading's and allocation's) to apply.
     *
     * @param bandBasisPoints        the pilot exchange's daily band around the previous close
     * @param offsetLimitBasisPoints the share of an entity's verified emissions its offsets may cover
     * @param localOffsetBasisPoints the share of that offset limit that must come from the pilot's own province
     */
    Pilot(String folder, String exportFile, String region, int bandBasisPoints, int offsetLimitBasisPoints,
          int localOffsetBasisPoints) {
        this.folder = folder;
        this.exportFile = exportFile;
        this.region = region;
        this.bandBasisPoints = bandBasisPoints;
        this.offsetLimitBasisPoints = offsetLimitBasisPoints;
        this.localOffsetBasisPoints = localOffsetBasisPoints;
    }

    public int bandBasisPoints() {
        return bandBasisPoints;
    }

    /** The offset limit of an obligation: its share of the verified emissions, rounded down. */
    public long offsetLimit(long verifiedEmissionsTonnes) {
        return verifiedEmissionsTonnes * offsetLimitBasisPoints / 10_000;
    }

    /** The most of an offset limit that may come from outside the pilot's province, rounded down. */
    public long nonLocalOffsetLimit(long offsetLimitTonnes) {
        return offsetLimitTonnes * (10_000 - localOffsetBasisPoints) / 10_000;
    }

    public Jurisdiction jurisdiction() {
        return Jurisdiction.valueOf(name());
    }

    public String region() {
        return region;
    }

    /** The pilot's allowance of the year, e.g. {@code BEA-2024}. */
    public String allowance(int year) {
        return new InstrumentCode(Product.allowanceOf(jurisdiction()), year).toString();
    }

    /** The pilot's compliance period of the year, e.g. {@code CQ-2024}. */
    public String period(int year) {
        return name() + "-" + year;
    }

    /** A token of the pilot's provincial authority (made once in Keycloak). */
    public String authorityToken() {
        String jurisdictionClaim = region.equals(name()) ? null : name();
        return KeycloakTokens.authorityToken("authority-" + name().toLowerCase(Locale.ROOT), region,
                jurisdictionClaim);
    }

    public String exportFile() {
        return exportFile;
    }

    public byte[] export() {
        return resource(exportFile);
    }

    public byte[] control() {
        return resource("control.json");
    }

    /** The control totals per instrument, as the pilot's {@code control.json} states them. */
    public Map<String, Long> controlTotals() {
        Map<String, Object> totals = controlJson().getMap("totalsTonnes");
        return totals.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> ((Number) e.getValue()).longValue()));
    }

    public long controlHoldingRows() {
        return controlJson().getLong("holdingRows");
    }

    private JsonPath controlJson() {
        return JsonPath.from(new String(control(), StandardCharsets.UTF_8));
    }

    private byte[] resource(String file) {
        String path = "/pilots/" + folder + "/" + file;
        try (InputStream in = Pilot.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath (test-support's fixtures)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
