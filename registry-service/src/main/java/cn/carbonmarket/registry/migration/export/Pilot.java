package cn.carbonmarket.registry.migration.export;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.Region;
import cn.carbonmarket.contracts.unit.Product;

/** The seven regional pilot markets whose registries migrate into the national registry. */
public enum Pilot {
    BJ("Beijing", Product.BEA, Region.BJ),
    TJ("Tianjin", Product.TJEA, Region.TJ),
    SH("Shanghai", Product.SHEA, Region.SH),
    CQ("Chongqing", Product.CQEA, Region.CQ),
    HB("Hubei", Product.HBEA, Region.HB),
    GD("Guangdong", Product.GDEA, Region.GD),
    /** Shenzhen is a city pilot inside Guangdong province. */
    SZ("Shenzhen", Product.SZEA, Region.GD);

    private final String displayName;
    private final Product allowance;
    private final Region province;

    Pilot(String displayName, Product allowance, Region province) {
        this.displayName = displayName;
        this.allowance = allowance;
        this.province = province;
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

    /** The province the pilot's registry served. */
    public Region province() {
        return province;
    }
}
