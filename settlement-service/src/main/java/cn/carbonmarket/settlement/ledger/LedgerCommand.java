package cn.carbonmarket.settlement.ledger;

/** What the ledger can be asked to do: write an entry, or post or void a pending one. */
public sealed interface LedgerCommand {

    /** The business id the command is about. */
    String entryId();

    Applied applyTo(Ledger ledger);

    record Write(JournalEntry entry) implements LedgerCommand {
        public String entryId() {
            return entry.id();
        }

        public Applied applyTo(Ledger ledger) {
            return ledger.record(entry);
        }
    }

    record Post(String entryId) implements LedgerCommand {
        public Applied applyTo(Ledger ledger) {
            return ledger.post(entryId);
        }
    }

    record VoidPending(String entryId) implements LedgerCommand {
        public Applied applyTo(Ledger ledger) {
            return ledger.voidPending(entryId);
        }
    }
}
