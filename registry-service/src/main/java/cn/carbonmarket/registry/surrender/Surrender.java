package cn.carbonmarket.registry.surrender;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.contracts.party.AccountId;
import cn.carbonmarket.contracts.party.PartyId;
import cn.carbonmarket.registry.account.SystemAccounts;
import cn.carbonmarket.registry.holding.HoldingKey;
import cn.carbonmarket.registry.holding.HoldingStatus;
import cn.carbonmarket.registry.transaction.Movement;
import cn.carbonmarket.registry.transaction.TransactionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** A surrender an entity asks for: under its own id, units of its AVAILABLE holdings into the period's account. */
public record Surrender(String surrenderId, PartyId partyId, String periodId, List<SurrenderObligation.Line> lines) {

    /** A period id names the period's surrender account, SURRENDER-<period id>. */
    private static final Pattern PERIOD_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    public Surrender {
        lines = lines.stream().sorted(Comparator.comparing(line -> line.instrument().toString())).toList();
    }

    /** The period id, or the field's error when it cannot name a surrender account. */
    static String periodId(String raw) {
        String text = InvalidValueException.require("periodId", raw);
        if (!PERIOD_ID.matcher(text).matches()) {
            throw new InvalidValueException("periodId", "period id '" + text + "' is not 1 to 64 letters, digits"
                    + " and hyphens (for example CN-2025)");
        }
        return text;
    }

    /** The SURRENDER transaction, its lines in instrument order so that the same surrender is the same movement. */
    Movement movement() {
        String from = AccountId.holdingOf(partyId).value();
        String to = SystemAccounts.surrender(periodId);
        List<Movement.Line> moved = new ArrayList<>(lines.size() * 2);
        lines.forEach(line -> {
            moved.add(new Movement.Line(new HoldingKey(from, line.instrument(), HoldingStatus.AVAILABLE),
                    -line.quantity()));
            moved.add(new Movement.Line(new HoldingKey(to, line.instrument(), HoldingStatus.AVAILABLE),
                    line.quantity()));
        });
        return new Movement(TransactionType.SURRENDER, moved);
    }
}
