package cn.carbonmarket.allocation.issuance;

/**
 * Where an issuance instruction stands, as the registry answered on {@code registry.transactions}: PENDING until it
 * answers; ISSUED (booked), REFUSED (with the registry's code and reason; a resend may still book it), RETURNED (a
 * claw-back carried out: returned from the holding, the rest recorded as allocation debt).
 */
public enum InstructionStatus {
    PENDING, ISSUED, REFUSED, RETURNED
}
