package formlab.eval.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds recordings that are copies of each other by their content, not their names or clocks.
 *
 * <p>The barbell dataset once held copies of recordings whose epoch and wall-clock columns were
 * shifted by a day: byte or timestamp comparisons miss them. Each CSV file is fingerprinted by
 * the values of its <em>value columns</em> only (by default every column except absolute clocks:
 * names containing "epoch", "time", "date" or "timestamp"; relative "elapsed" time is kept),
 * numbers hashed by value so that "0.10" and "0.1" agree. Files with equal fingerprints are copies.
 */
public final class DuplicateRecordings {

    private static final Pattern CLOCK = Pattern.compile(".*(epoch|time|date).*", Pattern.CASE_INSENSITIVE);

    /** Value columns by default: every column whose name does not look like an absolute clock. */
    public static final Predicate<String> NOT_A_CLOCK = name -> !CLOCK.matcher(name).matches();

    private DuplicateRecordings() {
    }

    /**
     * Files with identical value content.
     *
     * @param files       CSV files with a header line
     * @param valueColumn which header names are values to compare
     * @return groups of two or more identical files, each group in input order
     */
    public static List<List<Path>> find(List<Path> files, Predicate<String> valueColumn) throws IOException {
        Map<String, List<Path>> byFingerprint = new LinkedHashMap<>();
        for (Path file : files) {
            byFingerprint.computeIfAbsent(fingerprint(file, valueColumn), k -> new ArrayList<>()).add(file);
        }
        return byFingerprint.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }

    /** One finding per duplicate group (fail), or a single pass when every file is unique. */
    public static List<Finding> check(List<Path> files, Predicate<String> valueColumn) throws IOException {
        List<List<Path>> duplicates = find(files, valueColumn);
        if (duplicates.isEmpty()) {
            return List.of(Finding.pass("duplicate recordings", files.size() + " files", "every file has distinct values"));
        }
        List<Finding> findings = new ArrayList<>();
        for (List<Path> group : duplicates) {
            findings.add(Finding.fail("duplicate recordings", group.getFirst().getFileName().toString(),
                    "same values as " + group.subList(1, group.size()).stream().map(p -> p.getFileName().toString()).toList()
                            + " (clock columns ignored)"));
        }
        return findings;
    }

    /** SHA-256 over the value columns of {@code file}, row by row. */
    public static String fingerprint(Path file, Predicate<String> valueColumn) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IOException(file + ": empty file, expected a CSV header line");
            }
            String[] names = header.split(",", -1);
            List<Integer> kept = new ArrayList<>();
            for (int c = 0; c < names.length; c++) {
                if (valueColumn.test(names[c].trim())) {
                    kept.add(c);
                }
            }
            if (kept.isEmpty()) {
                throw new IOException(file + ", line 1: no value columns among " + List.of(names));
            }
            ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != names.length) {
                    throw new IOException(file + ", line " + lineNumber + ": expected " + names.length + " columns, found " + cells.length);
                }
                for (int c : kept) {
                    String cell = cells[c].trim();
                    buffer.clear();
                    try {
                        digest.update(buffer.putLong(Double.doubleToLongBits(Double.parseDouble(cell) + 0.0)).array());
                    } catch (NumberFormatException e) {
                        digest.update(cell.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) ',');
                }
                digest.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
