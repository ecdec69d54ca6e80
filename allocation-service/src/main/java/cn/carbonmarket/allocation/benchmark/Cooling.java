package cn.carbonmarket.allocation.benchmark;

/** How a unit's condenser is cooled: air-cooled units use more of their own output and get a higher allowance. */
public enum Cooling { WATER, AIR }
