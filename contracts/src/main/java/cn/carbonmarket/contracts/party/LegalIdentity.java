package cn.carbonmarket.contracts.party;

/** The legal identity a party is registered under: an organisation's credit code or a person's resident id. */
public sealed interface LegalIdentity permits UnifiedSocialCreditCode, ResidentIdentityNumber {

    /** The canonical 18-character code. */
    String code();

    /** The six-digit administrative division code (GB/T 2260) embedded in the identity. */
    String divisionCode();
}
