package cn.carbonmarket.allocation.activity;

/** One unit's figures for the year being written. */
record ActivityRow(String unitId, ActivityFigures figures) {
}
