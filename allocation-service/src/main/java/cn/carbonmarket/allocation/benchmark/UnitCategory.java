package cn.carbonmarket.allocation.benchmark;

/** The categories of generating unit the allocation plans set a supply benchmark for. */
public enum UnitCategory {
    /** Conventional coal units above 300 MW. */
    COAL_ABOVE_300MW(Fuel.COAL),
    /** Conventional coal units of 300 MW and below. */
    COAL_300MW_AND_BELOW(Fuel.COAL),
    /** Unconventional coal units: circulating fluidised bed burning coal gangue, slime or coal-water slurry. */
    COAL_UNCONVENTIONAL(Fuel.COAL),
    /** Gas-fired units. */
    GAS(Fuel.GAS);

    private final Fuel fuel;

    UnitCategory(Fuel fuel) {
        this.fuel = fuel;
    }

    public Fuel fuel() {
        return fuel;
    }

    /** The fuel a category burns: heat benchmarks and the heat-supply correction are set per fuel. */
    public enum Fuel { COAL, GAS }
}
