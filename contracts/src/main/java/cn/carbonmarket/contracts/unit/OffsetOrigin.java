package cn.carbonmarket.contracts.unit;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.Region;

/**
 * Where an offset credit comes from: the province of its project and the project's type. Part of the instrument
 * code ({@code CCER-2025-HB-WIND}), because pilots' surrender rules depend on it ("local projects only", "no hydro")
 * and credits of different origins are not interchangeable for them.
 */
public record OffsetOrigin(Region province, ProjectType type) {

    public OffsetOrigin {
        if (province == null || type == null) {
            throw new InvalidValueException("instrument", "an offset's origin names its project's province and type");
        }
    }

    @Override
    public String toString() {
        return province.name() + "-" + type.name();
    }
}
