package cn.carbonmarket.registry.migration.export;

import java.util.Map;

/** Whether a pilot account belongs to an organisation or a natural person, as far as the export says. */
public enum HolderKind {
    ORGANISATION,
    INDIVIDUAL,
    /** A type text no pilot vocabulary knows; the line keeps the raw text so the service can decide. */
    UNKNOWN;

    /** Every holder type the pilots export, normalised with {@link ExportText#code}. */
    private static final Map<String, HolderKind> VOCABULARY = Map.of(
            "重点排放单位", ORGANISATION,
            "机构投资者", ORGANISATION,
            "ENTITY", ORGANISATION,
            "INSTITUTION", ORGANISATION,
            "自然人", INDIVIDUAL,
            "INDIVIDUAL", INDIVIDUAL);

    public static HolderKind classify(String rawType) {
        return VOCABULARY.getOrDefault(ExportText.code(rawType), UNKNOWN);
    }
}
