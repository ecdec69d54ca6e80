package cn.carbonmarket.allocation.run;

/**
 * What an allocation run computes. A PRE_ALLOCATION allocates each year of the period the pack's share of the
 * allocation computed on one base year's data; a TRUE_UP the full allocation on the period's verified data. Either
 * way approval issues, or claws back, the difference to what the period's approved runs allocated before.
 */
public enum RunKind {
    PRE_ALLOCATION, TRUE_UP
}
