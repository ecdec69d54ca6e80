package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Jurisdiction;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of unit the market records, each issued under one jurisdiction (docs/architecture.md, Units and money):
 * every jurisdiction's allowance, the national offset (CCER) and the pilots' own credit products.
 */
public enum Product {
    CEA(Jurisdiction.CN, ProductKind.ALLOWANCE, "national carbon emission allowance"),
    CCER(Jurisdiction.CN, ProductKind.OFFSET, "China certified emission reduction (offset)"),
    BEA(Jurisdiction.BJ, ProductKind.ALLOWANCE, "Beijing pilot allowance"),
    TJEA(Jurisdiction.TJ, ProductKind.ALLOWANCE, "Tianjin pilot allowance"),
    SHEA(Jurisdiction.SH, ProductKind.ALLOWANCE, "Shanghai pilot allowance"),
    CQEA(Jurisdiction.CQ, ProductKind.ALLOWANCE, "Chongqing pilot allowance"),
    HBEA(Jurisdiction.HB, ProductKind.ALLOWANCE, "Hubei pilot allowance"),
    GDEA(Jurisdiction.GD, ProductKind.ALLOWANCE, "Guangdong pilot allowance"),
    SZEA(Jurisdiction.SZ, ProductKind.ALLOWANCE, "Shenzhen pilot allowance"),
    /** Beijing's certified emission reduction: forestry sinks and energy-saving projects in Beijing. */
    BCER(Jurisdiction.BJ, ProductKind.OFFSET, "Beijing certified emission reduction (pilot offset)"),
    /** Guangdong's inclusive (puhui) certified emission reduction, among them individuals' low-carbon actions. */
    PHCER(Jurisdiction.GD, ProductKind.OFFSET, "Guangdong inclusive (puhui) certified emission reduction");

    private final Jurisdiction jurisdiction;
    private final ProductKind kind;
    private final String description;

    Product(Jurisdiction jurisdiction, ProductKind kind, String description) {
        this.jurisdiction = jurisdiction;
        this.kind = kind;
        this.description = description;
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public ProductKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public boolean isOffset() {
        return kind == ProductKind.OFFSET;
    }

    /** The allowance a jurisdiction issues: CEA for the national market, the pilot's own for a pilot. */
    public static Product allowanceOf(Jurisdiction jurisdiction) {
        return Arrays.stream(values()).filter(p -> p.jurisdiction == jurisdiction && p.kind == ProductKind.ALLOWANCE)
                .findFirst().orElseThrow(() -> new IllegalStateException("no allowance for " + jurisdiction));
    }

    public static Product fromCode(String code) {
        return Arrays.stream(values())
                .filter(p -> p.name().equals(code))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("instrument", "unknown product '" + code + "'; known: "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
