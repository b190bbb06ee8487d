package formlab.notebook;

import formlab.display.Html;
import formlab.data.DataSettings;
import formlab.data.KnownDataset;
import formlab.data.ProjectPaths;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Checks that the workbench is ready: the JVM, every library FormLab builds on, the project
 * folders and the datasets. Each check becomes a row (component, status, detail); nothing here
 * touches the network (DJL runs with {@code ai.djl.offline=true}).
 */
public final class EnvironmentCheck {

    /** Outcome of one check. */
    public enum Status { OK, WARN, FAIL }

    /** One row of the report. */
    public record Check(String component, Status status, String detail) {
    }

    private EnvironmentCheck() {
    }

    /** Runs every check. */
    public static List<Check> runAll() {
        List<Check> checks = new ArrayList<>();
        int javaVersion = Runtime.version().feature();
        checks.add(new Check("Java", javaVersion >= 21 ? Status.OK : Status.FAIL,
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; FormLab needs 21+"));
        checks.add(library("Tablesaw", "tech.tablesaw.api.Table", () -> "tables available (" + Table.create("probe").columnCount() + " columns in an empty table)"));
        checks.add(library("Tablesaw plots (plotly.js embedded)", "tech.tablesaw.plotly.components.Figure",
                () -> (Html.plotlyJs().length() / 1024) + " KB of plotly.js, "
                        + (Html.plotlyResource().equals(Html.WEBJAR_PLOTLY_RESOURCE)
                                ? "the full bundle of the webjar (run 'make setup' for the minified one: smaller reports)"
                                : "the minified bundle fetched by 'make setup'")));
        checks.add(library("Smile", "smile.classification.GradientTreeBoost", () -> "gradient tree boosting available"));
        checks.add(library("JTransforms", "org.jtransforms.fft.DoubleFFT_1D", () -> {
            double[] signal = {1, 0, -1, 0};
            new org.jtransforms.fft.DoubleFFT_1D(signal.length).realForward(signal);
            return "FFT of a test signal: " + java.util.Arrays.toString(signal);
        }));
        checks.add(library("Tribuo", "org.tribuo.classification.Label", () -> "classification available"));
        checks.add(library("Pi4J (mock platform)", "com.pi4j.plugin.mock.platform.MockPlatform", () -> "mock platform available"));
        checks.add(djl());
        checks.addAll(folders());
        checks.addAll(datasets());
        return checks;
    }

    /** The checks as a table with columns component, status, detail. */
    public static Table report(List<Check> checks) {
        return Table.create("Environment check",
                StringColumn.create("component", checks.stream().map(Check::component).toList()),
                StringColumn.create("status", checks.stream().map(c -> c.status().name()).toList()),
                StringColumn.create("detail", checks.stream().map(Check::detail).toList()));
    }

    private static Check library(String name, String className, Callable<String> probe) {
        try {
            Class<?> type = Class.forName(className);
            String version = type.getPackage().getImplementationVersion();
            return new Check(name, Status.OK, (version == null ? "" : "version " + version + ": ") + probe.call());
        } catch (Exception | LinkageError e) {
            return new Check(name, Status.FAIL, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Check djl() {
        if (!"true".equals(System.getProperty("ai.djl.offline"))) {
            return new Check("DJL + PyTorch", Status.WARN, "ai.djl.offline is not true: DJL may try the network");
        }
        try {
            formlab.cnn.TorchRuntime.prepare();
            ai.djl.engine.Engine engine = ai.djl.engine.Engine.getEngine("PyTorch");
            return new Check("DJL + PyTorch", Status.OK, "engine " + engine.getEngineName() + " " + engine.getVersion() + ", offline");
        } catch (Exception | LinkageError e) {
            return new Check("DJL + PyTorch", Status.FAIL, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<Check> folders() {
        ProjectPaths paths = ProjectPaths.locate();
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("Project root", Status.OK, paths.root().toString()));
        for (var folder : List.of(paths.raw(), paths.interim(), paths.processed(), paths.external(), paths.models(), paths.reports())) {
            boolean ok = Files.isDirectory(folder) && Files.isWritable(folder);
            checks.add(new Check("Folder " + paths.root().relativize(folder), ok ? Status.OK : Status.WARN,
                    ok ? "writable" : "missing or not writable: it is created on first use"));
        }
        return checks;
    }

    private static List<Check> datasets() {
        List<Check> checks = new ArrayList<>();
        String root = DataSettings.dataRoot().map(Object::toString).orElse(null);
        checks.add(new Check("Dataset root (" + DataSettings.DATA_DIR_VARIABLE + ")", root == null ? Status.WARN : Status.OK,
                root == null ? "not set: notebooks run on the embedded default data (simulated IMU, MIT landmark sample)" : root));
        for (KnownDataset dataset : KnownDataset.values()) {
            checks.add(new Check("Dataset " + dataset.folderName(), dataset.path().isPresent() ? Status.OK : Status.WARN,
                    dataset.path().map(p -> "found: " + dataset.description() + " (" + dataset.license() + ")")
                            .orElse("not found: the embedded default is used where one exists")));
        }
        return checks;
    }
}
