package formlab.deploy;

import formlab.data.ProjectPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Raspberry Pi bundle built by {@code make pi-bundle} ({@code pi/target/dist/}): what is in it,
 * and a run of it in its own small JVM, the way the Pi runs it, to measure start-up time, heap
 * and processing time per window.
 *
 * @param jar the runnable JAR
 */
public record PiBundle(Path jar) {

    /** The bundle's place in a checkout. */
    public static final String DIST = "pi/target/dist";
    /** The bundle's file name. */
    public static final String JAR = "formlab-tracker.jar";

    /** The bundle of the project checkout, if it has been built. */
    public static Optional<PiBundle> locate() {
        Path jar = ProjectPaths.locate().root().resolve(DIST).resolve(JAR);
        return Files.isRegularFile(jar) ? Optional.of(new PiBundle(jar)) : Optional.empty();
    }

    /**
     * What the JAR holds: size, entry count, whether the exercise model and the sample
     * configuration are inside, the Pi4J plugins, and classes that must not be there (DJL,
     * PyTorch, Tribuo).
     */
    public Table contents() throws IOException {
        StringColumn what = StringColumn.create("what");
        StringColumn value = StringColumn.create("value");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            int entries = 0;
            int forbidden = 0;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                entries++;
                if (name.startsWith("ai/djl/") || name.startsWith("org/tribuo/") || name.startsWith("org/pytorch/")) {
                    forbidden++;
                }
            }
            add(what, value, "file", jar.toString());
            add(what, value, "size", String.format(Locale.ROOT, "%.1f MB", Files.size(jar) / 1048576.0));
            add(what, value, "entries", String.valueOf(entries));
            add(what, value, "DJL / PyTorch / Tribuo classes", String.valueOf(forbidden));
            add(what, value, "exercise model bundled", String.valueOf(zip.getEntry("formlab/deploy/model/card.json") != null));
            add(what, value, "sample configuration", String.valueOf(zip.getEntry(TrackerMain.SAMPLE_CONFIG.substring(1)) != null));
            ZipEntry plugins = zip.getEntry("META-INF/services/com.pi4j.extension.Plugin");
            if (plugins != null) {
                try (InputStream in = zip.getInputStream(plugins)) {
                    add(what, value, "Pi4J plugins", new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
                            .replace("com.pi4j.plugin.", "").replaceAll("\\s+", ", "));
                }
            }
        }
        return Table.create("Pi bundle", what, value);
    }

    private static void add(StringColumn what, StringColumn value, String w, String v) {
        what.append(w);
        value.append(v);
    }

    /**
     * What one run of the bundle printed about itself.
     *
     * @param exitCode    the process status
     * @param readyMillis JVM uptime when the tracker was ready, ms
     * @param windowP99   99th percentile of the processing time per window, ms
     * @param windowMedian median processing time per window, ms
     * @param windows     windows timed
     * @param heapPeakMb  peak heap use (sum of the pools' peaks), MB
     * @param heapMaxMb   the heap limit, MB
     * @param wallMillis  wall time of the whole process, ms
     * @param output      everything it printed
     */
    public record Run(int exitCode, long readyMillis, double windowP99, double windowMedian, int windows,
                      double heapPeakMb, double heapMaxMb, long wallMillis, String output) {

        /** The figures as a table. */
        public Table figures() {
            StringColumn what = StringColumn.create("figure");
            StringColumn value = StringColumn.create("value");
            add(what, value, "exit status", String.valueOf(exitCode));
            add(what, value, "ready after JVM start", readyMillis + " ms");
            add(what, value, "process wall time", wallMillis + " ms");
            add(what, value, "windows", String.valueOf(windows));
            add(what, value, "processing per window, median (fresh JVM, JIT warming up)", String.format(Locale.ROOT, "%.3f ms", windowMedian));
            add(what, value, "heap peak / limit", String.format(Locale.ROOT, "%.1f MB / %.0f MB", heapPeakMb, heapMaxMb));
            return Table.create("Pi bundle: one replayed set in its own JVM", what, value);
        }
    }

    private static final Pattern READY = Pattern.compile("ready (\\d+) ms after JVM start");
    private static final Pattern WINDOW = Pattern.compile(
            "processing per window: (\\d+) timed: median ([0-9.]+) ms, p99 ([0-9.]+) ms");
    private static final Pattern HEAP = Pattern.compile("heap: peak ([0-9.]+) MB used.*max ([0-9.]+) MB");

    /**
     * Runs the bundle as the Pi would, but on the mock platform with {@code recording} replayed
     * as fast as possible: {@code java -Xmx<heap> -XX:+UseSerialGC -jar bundle --mock --replay ...}.
     *
     * @param java      the {@code java} executable (e.g. of {@code java.home})
     * @param heap      the heap limit, e.g. {@code 64m}
     * @param recording either file of a MetaWear pair
     * @param sessions  session folder for the run
     * @param model     a model version folder, or null for the bundled one
     */
    public Run replay(Path java, String heap, Path recording, Path sessions, Path model) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "-jar", jar.toString(), "--mock", "--replay", recording.toString(), "--speed", "max", "--out", sessions.toString()));
        if (model != null) {
            command.addAll(List.of("--model", model.toString()));
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("the bundle did not finish within 5 minutes: " + command);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        Matcher ready = READY.matcher(output);
        Matcher window = WINDOW.matcher(output);
        Matcher memory = HEAP.matcher(output);
        boolean found = ready.find() & window.find() & memory.find();
        if (!found) {
            throw new IOException("the bundle's output lacks its figures (exit " + process.exitValue() + "):\n" + output);
        }
        return new Run(process.exitValue(), Long.parseLong(ready.group(1)), Double.parseDouble(window.group(3)),
                Double.parseDouble(window.group(2)), Integer.parseInt(window.group(1)), Double.parseDouble(memory.group(1)),
                Double.parseDouble(memory.group(2)), wall, output);
    }

    /**
     * What {@link TrackerBenchmark} measured in the bundle's JVM.
     *
     * @param sets         recordings replayed per pass
     * @param windows      windows timed (last pass)
     * @param median       median processing time per window, ms
     * @param p99          99th percentile, ms
     * @param max          slowest window, ms
     * @param coldMillis   first window of the first set (class loading, JIT), ms
     * @param heapPeakMb   peak heap use, MB
     * @param heapMaxMb    heap limit, MB
     * @param output       everything it printed
     */
    public record Benchmark(int sets, int windows, double median, double p99, double max, double coldMillis,
                            double heapPeakMb, double heapMaxMb, String output) {

        /** The figures as a table. */
        public Table figures() {
            StringColumn what = StringColumn.create("figure");
            StringColumn value = StringColumn.create("value");
            add(what, value, "sets replayed per pass", String.valueOf(sets));
            add(what, value, "windows timed (last pass)", String.valueOf(windows));
            add(what, value, "processing per window, median", String.format(Locale.ROOT, "%.3f ms", median));
            add(what, value, "processing per window, p99", String.format(Locale.ROOT, "%.3f ms", p99));
            add(what, value, "processing per window, max", String.format(Locale.ROOT, "%.3f ms", max));
            add(what, value, "first window (cold JVM)", String.format(Locale.ROOT, "%.3f ms", coldMillis));
            add(what, value, "heap peak / limit", String.format(Locale.ROOT, "%.1f MB / %.0f MB", heapPeakMb, heapMaxMb));
            return Table.create("Tracker benchmark in the bundle's JVM", what, value);
        }
    }

    private static final Pattern BENCH_SETS = Pattern.compile("(\\d+) sets, (\\d+) windows");
    private static final Pattern BENCH_WINDOW = Pattern.compile(
            "processing per window \\(pass.*?\\): median ([0-9.]+) ms, p99 ([0-9.]+) ms, max ([0-9.]+) ms");
    private static final Pattern BENCH_COLD = Pattern.compile("first window of the first set.*?: ([0-9.]+) ms");

    /**
     * Runs {@link TrackerBenchmark} on the bundle, as on the Pi: {@code java -Xmx<heap> -XX:+UseSerialGC
     * -Dpasses=2 -Dlimit=<limit> -cp bundle formlab.deploy.TrackerBenchmark recordings [model]}.
     *
     * @param recordings folder of MetaWear recordings
     * @param limit      replay at most this many of them per pass
     * @param model      a model version folder, or null for the bundled one
     */
    public Benchmark benchmark(Path java, String heap, Path recordings, int limit, Path model)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-XX:+UseSerialGC", "-Dpasses=2",
                "-Dlimit=" + limit, "-cp", jar.toString(), TrackerBenchmark.class.getName(), recordings.toString()));
        if (model != null) {
            command.add(model.toString());
        }
        String output = execute(command);
        Matcher sets = BENCH_SETS.matcher(output);
        Matcher window = BENCH_WINDOW.matcher(output);
        Matcher cold = BENCH_COLD.matcher(output);
        Matcher memory = HEAP.matcher(output);
        if (!(sets.find() & window.find() & cold.find() & memory.find())) {
            throw new IOException("the benchmark's output lacks its figures:\n" + output);
        }
        return new Benchmark(Integer.parseInt(sets.group(1)), Integer.parseInt(sets.group(2)),
                Double.parseDouble(window.group(1)), Double.parseDouble(window.group(2)), Double.parseDouble(window.group(3)),
                Double.parseDouble(cold.group(1)), Double.parseDouble(memory.group(1)), Double.parseDouble(memory.group(2)), output);
    }

    private static String execute(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("did not finish within 5 minutes: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("exit status " + process.exitValue() + " from " + command + ":\n" + output);
        }
        return output;
    }

    /** The {@code java} of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
