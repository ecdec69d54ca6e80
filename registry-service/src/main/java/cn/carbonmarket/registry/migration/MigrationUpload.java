package cn.carbonmarket.registry.migration;

import cn.carbonmarket.contracts.InvalidValueException;
import cn.carbonmarket.platform.problem.RequestValidation;
import cn.carbonmarket.registry.migration.export.ControlTotals;
import cn.carbonmarket.registry.migration.export.Pilot;
import cn.carbonmarket.registry.migration.export.PilotExportReader;
import cn.carbonmarket.registry.migration.export.PilotExportReaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * An accepted upload: the pilot, its export files in upload order, its control totals (checked to be that pilot's)
 * and the upload's identity, the SHA-256 over the export files' contents, whatever their names or order.
 */
record MigrationUpload(Pilot pilot, List<ExportFile> files, String controlJson, String sha256) {

    /** A control.json is a few hundred bytes; anything near this is some other file. */
    private static final long MAX_CONTROL_BYTES = 1 << 20;

    /** A file as uploaded: its name without any folder, and where the server spooled it. */
    record ExportFile(String name, Path path) {
    }

    /** Checks every part, naming each bad one; reads the files once (blocking) to take their digest. */
    static MigrationUpload of(String rawPilot, List<FileUpload> uploads, FileUpload control) {
        RequestValidation validation = new RequestValidation();
        Pilot pilot = validation.field("pilot", () -> pilot(rawPilot));
        List<ExportFile> files = new ArrayList<>();
        if (uploads == null || uploads.isEmpty()) {
            validation.reject("files", "at least one export file is required");
        } else {
            Set<String> names = new HashSet<>();
            for (FileUpload upload : uploads) {
                String name = withoutFolder(upload.fileName());
                if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                    validation.reject("files", "every export file needs a file name");
                } else if (!names.add(name)) {
                    validation.reject("files", "'" + name + "' is uploaded twice");
                } else if (pilot != null && !reader(pilot).accepts(name)) {
                    validation.reject("files", "'" + name + "' is not a " + pilot.displayName() + " registry export");
                } else {
                    files.add(new ExportFile(name, upload.uploadedFile()));
                }
            }
        }
        String controlJson = null;
        if (control == null) {
            validation.reject("control", "the pilot's control totals (control.json) are required");
        } else if (control.size() > MAX_CONTROL_BYTES) {
            validation.reject("control", "control totals of " + control.size() + " bytes are not a control.json");
        } else {
            try {
                controlJson = Files.readString(control.uploadedFile(), StandardCharsets.UTF_8);
                ControlTotals totals = controlTotals(controlJson);
                if (pilot != null && totals.pilot() != pilot) {
                    validation.reject("control", "the control totals are the " + totals.pilot().displayName()
                            + " pilot's, not the " + pilot.displayName() + " pilot's");
                }
            } catch (CharacterCodingException e) {
                validation.reject("control", "the control totals are not UTF-8 text");
            } catch (IOException e) {
                validation.reject("control", e.getMessage());
            }
        }
        validation.throwIfInvalid();
        return new MigrationUpload(pilot, List.copyOf(files), controlJson, digest(files));
    }

    static ControlTotals controlTotals(String json) throws IOException {
        return ControlTotals.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Pilot pilot(String raw) {
        String code = InvalidValueException.require("pilot", raw).toUpperCase(Locale.ROOT);
        return Arrays.stream(Pilot.values()).filter(p -> p.name().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidValueException("pilot", "unknown pilot '" + code + "'; expected one of "
                        + Arrays.toString(Pilot.values())));
    }

    private static PilotExportReader reader(Pilot pilot) {
        return PilotExportReaders.forPilot(pilot);
    }

    private static String withoutFolder(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** The digests of the files, sorted, digested again: the same files in any order are the same upload. */
    private static String digest(List<ExportFile> files) {
        try {
            List<String> each = new ArrayList<>();
            for (ExportFile file : files) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(file.path()), sha)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                each.add(HexFormat.of().formatHex(sha.digest()));
            }
            each.sort(null);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", each).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded files", e);
        }
    }
}
