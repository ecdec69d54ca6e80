package cn.carbonmarket.allocation.report;

/** A reason to look twice at a report before confirming it: its code, the unit concerned (if one) and why. */
public record DataQualityFlag(String code, String unitId, String reason) {

    static final String CARBON_CONTENT_IMPLAUSIBLE = "CARBON_CONTENT_IMPLAUSIBLE";
    static final String INTENSITY_CHANGE = "INTENSITY_CHANGE";
    static final String LAB_EVIDENCE_SHARED = "LAB_EVIDENCE_SHARED";
    static final String CHANGED_AFTER_CONCLUSION = "CHANGED_AFTER_CONCLUSION";
    static final String DEFAULT_AFTER_MEASURED = "DEFAULT_AFTER_MEASURED";
}
