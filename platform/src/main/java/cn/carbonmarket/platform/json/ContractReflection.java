package cn.carbonmarket.platform.json;

import cn.carbonmarket.contracts.event.AbnormalTradingAlert;
import cn.carbonmarket.contracts.event.AuctionAnnounced;
import cn.carbonmarket.contracts.event.AuctionClosed;
import cn.carbonmarket.contracts.event.AuctionResult;
import cn.carbonmarket.contracts.event.AuctionSupply;
import cn.carbonmarket.contracts.event.PrimaryAuctionRequested;
import cn.carbonmarket.contracts.event.ReserveSetAside;
import cn.carbonmarket.contracts.event.AllocationReturned;
import cn.carbonmarket.contracts.event.DeliveryInstructions;
import cn.carbonmarket.contracts.event.DeliveryRunRejected;
import cn.carbonmarket.contracts.event.DepthChanged;
import cn.carbonmarket.contracts.event.EventEnvelope;
import cn.carbonmarket.contracts.event.IssuanceInstruction;
import cn.carbonmarket.contracts.event.IssuanceRefused;
import cn.carbonmarket.contracts.event.LargeTraderReported;
import cn.carbonmarket.contracts.event.LedgerEntryPosted;
import cn.carbonmarket.contracts.event.ObligationSet;
import cn.carbonmarket.contracts.event.PartyRegistered;
import cn.carbonmarket.contracts.event.TradeExecuted;
import cn.carbonmarket.contracts.event.TradePrinted;
import cn.carbonmarket.contracts.event.TransactionBooked;
import cn.carbonmarket.contracts.event.VerifiedEmissions;
import cn.carbonmarket.contracts.signing.Signature;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Events are written and read through the ObjectMapper directly, not as REST bodies, so a native image does not
 * see them on its own: every event record is listed here.
 */
@RegisterForReflection(targets = {EventEnvelope.class, PartyRegistered.class, IssuanceInstruction.class,
        IssuanceInstruction.Recipient.class, IssuanceInstruction.Approval.class, Signature.class,
        IssuanceRefused.class, AllocationReturned.class, AllocationReturned.Return.class, TransactionBooked.class, TransactionBooked.Line.class,
        DeliveryInstructions.class, DeliveryInstructions.Delivery.class, DeliveryRunRejected.class,
        LedgerEntryPosted.class, LedgerEntryPosted.Balance.class, TradeExecuted.class,
        TradePrinted.class, DepthChanged.class, DepthChanged.Level.class, LargeTraderReported.class,
        AbnormalTradingAlert.class, VerifiedEmissions.class, VerifiedEmissions.UnitProduction.class,
        ObligationSet.class, AuctionSupply.class, ReserveSetAside.class, PrimaryAuctionRequested.class,
        PrimaryAuctionRequested.CostContainment.class, PrimaryAuctionRequested.EmissionsContainment.class,
        AuctionAnnounced.class, AuctionClosed.class, AuctionClosed.Winner.class, AuctionResult.class,
        AuctionResult.Winner.class, AuctionResult.UnsoldReturn.class})
public final class ContractReflection {

    private ContractReflection() {
    }
}
