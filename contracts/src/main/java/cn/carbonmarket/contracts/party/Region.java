package cn.carbonmarket.contracts.party;

import cn.carbonmarket.contracts.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The provincial-level divisions of mainland China by their GB/T 2260 letter code, with the first two digits of
 * their administrative division code. Provincial authorities act for one region (the token's {@code region} claim).
 */
public enum Region {
    BJ("11", "Beijing"), TJ("12", "Tianjin"), HE("13", "Hebei"), SX("14", "Shanxi"), NM("15", "Inner Mongolia"),
    LN("21", "Liaoning"), JL("22", "Jilin"), HL("23", "Heilongjiang"), SH("31", "Shanghai"), JS("32", "Jiangsu"),
    ZJ("33", "Zhejiang"), AH("34", "Anhui"), FJ("35", "Fujian"), JX("36", "Jiangxi"), SD("37", "Shandong"),
    HA("41", "Henan"), HB("42", "Hubei"), HN("43", "Hunan"), GD("44", "Guangdong"), GX("45", "Guangxi"),
    HI("46", "Hainan"), CQ("50", "Chongqing"), SC("51", "Sichuan"), GZ("52", "Guizhou"), YN("53", "Yunnan"),
    XZ("54", "Tibet"), SN("61", "Shaanxi"), GS("62", "Gansu"), QH("63", "Qinghai"), NX("64", "Ningxia"),
    XJ("65", "Xinjiang");

    private final String divisionPrefix;
    private final String displayName;

    Region(String divisionPrefix, String displayName) {
        this.divisionPrefix = divisionPrefix;
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static Region parse(String raw) {
        String text = InvalidValueException.require("region", raw).toUpperCase();
        return Arrays.stream(values()).filter(r -> r.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidValueException("region",
                        "unknown region '" + text + "'; expected a GB/T 2260 province code such as HB or GD"));
    }

    /** The region of a six-digit administrative division code, if it names a province. */
    public static Optional<Region> ofDivisionCode(String divisionCode) {
        String prefix = divisionCode.substring(0, 2);
        return Arrays.stream(values()).filter(r -> r.divisionPrefix.equals(prefix)).findFirst();
    }
}
