package cn.carbonmarket.registry.jurisdiction;

import cn.carbonmarket.contracts.party.Jurisdiction;
import cn.carbonmarket.contracts.party.PartyType;
import cn.carbonmarket.contracts.party.Region;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A jurisdiction's participants: the parties holding any of its instruments, or migrated from its pilot (whatever
 * they hold now). Counts per party type, and one page of them, oldest registration first; no identity numbers, and a
 * natural person's name masked.
 */
public record Participants(Jurisdiction jurisdiction, long total, Map<PartyType, Long> byType, int page, int size,
                           List<Participant> participants) {

    /**
     * @param tonnes          what it holds of the jurisdiction's instruments, in every status
     * @param migratedFromPilot whether the jurisdiction's pilot registry was migrated to it
     */
    public record Participant(UUID partyId, String name, PartyType type, Region region, String holdingAccount,
                              long tonnes, boolean migratedFromPilot) {
    }

    public Participants {
        byType = Map.copyOf(byType);
        participants = List.copyOf(participants);
    }
}
