package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.unit.Product;

/** The seven regional pilot markets whose registries migrate into the national registry. */
public enum Pilot {
    BJ("Beijing", Product.BEA),
    TJ("Tianjin", Product.TJEA),
    SH("Shanghai", Product.SHEA),
    CQ("Chongqing", Product.CQEA),
    HB("Hubei", Product.HBEA),
    GD("Guangdong", Product.GDEA),
    SZ("Shenzhen", Product.SZEA);

    private final String displayName;
    private final Product allowance;

    Pilot(String displayName, Product allowance) {
        this.displayName = displayName;
        this.allowance = allowance;
    }

    public String displayName() {
        return displayName;
    }

    /** The allowance this pilot issued, carried over as its own product (BEA, TJEA, ...). */
    public Product allowance() {
        return allowance;
    }

    public Jurisdiction jurisdiction() {
        return allowance.jurisdiction();
    }
}
