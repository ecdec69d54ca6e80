package cn.carbonmarket.registry.migration.export;

/** The export reader of each pilot. Readers keep no state between files, so one instance each is shared. */
public final class PilotExportReaders {

    private static final PilotExportReader BEIJING = ProductVintageCsvReader.BEIJING;
    private static final PilotExportReader TIANJIN = ProductVintageCsvReader.TIANJIN;
    private static final PilotExportReader SHANGHAI = new ShanghaiExportReader();
    private static final PilotExportReader CHONGQING = new ChongqingExportReader();
    private static final PilotExportReader HUBEI = new HubeiExportReader();
    private static final PilotExportReader GUANGDONG = new GuangdongExportReader();
    private static final PilotExportReader SHENZHEN = new ShenzhenExportReader();

    private PilotExportReaders() {
    }

    public static PilotExportReader forPilot(Pilot pilot) {
        return switch (pilot) {
            case BJ -> BEIJING;
            case TJ -> TIANJIN;
            case SH -> SHANGHAI;
            case CQ -> CHONGQING;
            case HB -> HUBEI;
            case GD -> GUANGDONG;
            case SZ -> SHENZHEN;
        };
    }
}
