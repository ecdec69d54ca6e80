package cn.carbonmarket.registry.migration.export;

import java.util.Map;

/** What kind of holder a pilot account belongs to, as far as the export says. */
public enum HolderKind {
    /** A key emitting unit (重点排放单位, ENTITY): it has a compliance obligation. */
    KEY_EMITTING_UNIT,
    /** Any other organisation (机构投资者, INSTITUTION). */
    INSTITUTION,
    INDIVIDUAL,
    /** A type text no pilot vocabulary knows; the line keeps the raw text so the service can decide. */
    UNKNOWN;

    /** Every holder type the pilots export, normalised with {@link ExportText#code}. */
    private static final Map<String, HolderKind> VOCABULARY = Map.of(
            "重点排放单位", KEY_EMITTING_UNIT,
            "机构投资者", INSTITUTION,
            "ENTITY", KEY_EMITTING_UNIT,
            "INSTITUTION", INSTITUTION,
            "自然人", INDIVIDUAL,
            "INDIVIDUAL", INDIVIDUAL);

    public static HolderKind classify(String rawType) {
        return VOCABULARY.getOrDefault(ExportText.code(rawType), UNKNOWN);
    }

    /** Organisations are identified by a unified social credit code, individuals by a resident id. */
    public boolean isOrganisation() {
        return this == KEY_EMITTING_UNIT || this == INSTITUTION;
    }
}
