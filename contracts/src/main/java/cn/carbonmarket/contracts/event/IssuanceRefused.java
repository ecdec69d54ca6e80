package cn.carbonmarket.contracts.event;

/**
 * The registry refused an issuance instruction as a whole (nothing of it was booked), with the check that refused it:
 * a recipient without an open holding account, an instrument the issuance account cannot issue, ... Keyed by
 * instruction id on {@code registry.transactions}.
 */
public record IssuanceRefused(String instructionId, String code, String reason) {

    public static final EventType<IssuanceRefused> TYPE = new EventType<>("IssuanceRefused", 1,
            IssuanceRefused.class, Topics.REGISTRY_TRANSACTIONS);
}
