package cn.carbonmarket.bench.allocation;

import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.contracts.party.UnifiedSocialCreditCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's power sector, the same on every run: compliance entities spread over the provinces with the most
 * generation, and units dealt to them in turn (conventional coal above and below 300 MW, unconventional coal and
 * gas; one coal unit in four air-cooled, one unit in three combined heat and power), each with a base year's
 * production that its capacity could supply.
 */
final class BenchFleet {

    /** A province's letter code and the division code of its capital, which the entity's credit code carries. */
    private record Province(String region, String division) {
    }

    private static final List<Province> PROVINCES = List.of(new Province("SD", "370100"),
            new Province("JS", "320100"), new Province("NM", "150100"), new Province("GD", "440100"),
            new Province("HA", "410100"), new Province("SX", "140100"), new Province("ZJ", "330100"),
            new Province("HB", "420100"));

    record Unit(String id, PartyId party, String registration, String activityRow) {
    }

    private BenchFleet() {
    }

    /** The entities' registrations (the registry gives their parties random ids). */
    static List<String> registrations(int count) {
        List<String> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Province province = PROVINCES.get(i % PROVINCES.size());
            String code = UnifiedSocialCreditCode.completing("91" + province.division()
                    + String.format("%09d", 800_000_000 + i)).code();
            entities.add("""
                    {"name":"Bench Generation %d Co., Ltd.","type":"COMPLIANCE_ENTITY","region":"%s","creditCode":"%s"}"""
                    .formatted(i, province.region(), code));
        }
        return entities;
    }

    /** The units, dealt to the entities' parties in turn. */
    static List<Unit> units(int count, List<PartyId> entities) {
        SplittableRandom random = new SplittableRandom(2024);
        List<Unit> units = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PartyId party = entities.get(i % entities.size());
            int kind = i % 10;
            String category = kind < 4 ? "COAL_ABOVE_300MW" : kind < 7 ? "COAL_300MW_AND_BELOW"
                    : kind == 7 ? "COAL_UNCONVENTIONAL" : "GAS";
            long capacity = switch (category) {
                case "COAL_ABOVE_300MW" -> 350 + random.nextInt(651);
                case "COAL_300MW_AND_BELOW" -> 100 + random.nextInt(201);
                case "COAL_UNCONVENTIONAL" -> 50 + random.nextInt(251);
                default -> 100 + random.nextInt(401);
            };
            boolean air = !"GAS".equals(category) && i % 4 == 1;
            boolean heatAndPower = i % 3 == 0;
            int loadFactorBp = 5_500 + random.nextInt(3_701);
            long mwh = capacity * 8_760 * loadFactorBp / 10_000;
            long gj = heatAndPower ? mwh * (8 + random.nextInt(13)) / 10 : 0;
            int heatRatioBp = heatAndPower ? 500 + random.nextInt(4_001) : 0;
            String id = "BENCH-U" + String.format("%05d", i);
            String registration = """
                    {"partyId":"%s","category":"%s","capacityMw":%d,"cooling":"%s","combinedHeatAndPower":%b,\
                    "commissionedOn":"%d-06-30"}""".formatted(party, category, capacity, air ? "AIR" : "WATER",
                    heatAndPower, 1995 + random.nextInt(26));
            units.add(new Unit(id, party, registration, id + "," + mwh + "," + gj + "," + share(loadFactorBp) + ","
                    + share(heatRatioBp)));
        }
        return units;
    }

    /** A share given in basis points, as the upload writes it (at most four decimal places). */
    private static String share(int basisPoints) {
        return String.format("0.%04d", basisPoints);
    }
}
