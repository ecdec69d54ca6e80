package cn.carbonmarket.settlement.clearing;

/** The side of a trade a fee is charged to. */
public enum Side { BUYER, SELLER }
