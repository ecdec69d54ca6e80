package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of unit the market records, each issued under one jurisdiction (docs/architecture.md, Units and money). */
public enum Product {
    CEA(Jurisdiction.CN, "national carbon emission allowance"),
    CCER(Jurisdiction.CN, "China certified emission reduction (offset)"),
    BEA(Jurisdiction.BJ, "Beijing pilot allowance"),
    TJEA(Jurisdiction.TJ, "Tianjin pilot allowance"),
    SHEA(Jurisdiction.SH, "Shanghai pilot allowance"),
    CQEA(Jurisdiction.CQ, "Chongqing pilot allowance"),
    HBEA(Jurisdiction.HB, "Hubei pilot allowance"),
    GDEA(Jurisdiction.GD, "Guangdong pilot allowance"),
    SZEA(Jurisdiction.SZ, "Shenzhen pilot allowance");

    private final Jurisdiction jurisdiction;
    private final String description;

    Product(Jurisdiction jurisdiction, String description) {
        this.jurisdiction = jurisdiction;
        this.description = description;
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public String description() {
        return description;
    }

    public boolean isOffset() {
        return this == CCER;
    }

    public static Product fromCode(String code) {
        return Arrays.stream(values())
                .filter(p -> p.name().equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("instrument", "unknown product '" + code + "'; known: "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
