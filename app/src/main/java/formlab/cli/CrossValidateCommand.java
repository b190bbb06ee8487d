package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.eval.CrossValidation;
import formlab.eval.CrossValidationResult;
import formlab.eval.GroupSplits;
import formlab.eval.Progress;
import formlab.model.LabelledData;
import formlab.model.Trainer;
import formlab.model.Trainers;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * {@code formlab cross-validate}: group cross-validation of one or all trainers on a feature
 * table CSV, printing each fold, a summary and the time taken (also the benchmark command).
 */
public final class CrossValidateCommand implements Command {

    private static final List<String> ALL = List.of("smile-gbt", "smile-rf", "tribuo-cart", "tribuo-logistic");

    @Override
    public String name() { return "cross-validate"; }

    @Override
    public String summary() { return "group cross-validation of trainers on a feature table CSV"; }

    @Override
    public String usage() {
        return """
                usage: formlab cross-validate --table FEATURES.csv --label COLUMN --group COLUMN
                         [--trainer smile-gbt|smile-rf|tribuo-cart|tribuo-logistic|all] [--folds logo|K]
                         [--seed N] [--exclude COL,COL]
                  Features are every numeric column except label, group and --exclude.
                  --folds logo (default) leaves one group out; a number K deals groups into K folds with --seed.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        Path file = Path.of(args.required("table"));
        String label = args.required("label");
        String group = args.required("group");
        String trainerName = args.option("trainer", "smile-gbt");
        String folds = args.option("folds", "logo");
        long seed = args.integer("seed", 42);
        String[] exclude = args.option("exclude").map(s -> s.split(",")).orElse(new String[0]);
        args.rejectUnknown();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).build());
        List<String> textColumns = textColumns(file, table, label, group, exclude);
        LabelledData data = LabelledData.of(table, label, group, exclude);
        if (!textColumns.isEmpty()) {
            out.println("not features (text columns): " + String.join(", ", textColumns));
        }
        var splits = folds.equals("logo") ? GroupSplits.leaveOneGroupOut(data.groups())
                : GroupSplits.kFold(data.groups(), parseFolds(folds), seed);
        out.printf("%s: %d rows, %d features, %d classes %s, %d groups, %d folds%n", file.getFileName(), data.size(),
                data.features().size(), data.classes().size(), data.classes(), data.groupNames().size(), splits.size());
        for (String name : trainerName.equals("all") ? ALL : List.of(trainerName)) {
            Trainer trainer = Trainers.create(name, Map.of("seed", seed));
            long start = System.nanoTime();
            CrossValidationResult result = CrossValidation.run(trainer, data, splits, Progress.printing(out));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.println(result.summary().print());
            out.println(result.perGroupTable().print());
            out.printf("%s: pooled balanced accuracy %.4f, accuracy %.4f, %.2f s for %d folds%n%n", name,
                    result.pooled().balancedAccuracy(), result.pooled().accuracy(), seconds, splits.size());
        }
        return 0;
    }

    /**
     * Columns other than label, group and {@code exclude} that are not numeric. A column whose cells
     * are mostly numbers but hold some text is a damaged feature, not a text column: it is refused,
     * naming the first cell that is not a number.
     */
    private static List<String> textColumns(Path file, Table table, String label, String group, String[] exclude) {
        List<String> skip = new java.util.ArrayList<>(List.of(exclude));
        skip.add(label);
        skip.add(group);
        List<String> text = new java.util.ArrayList<>();
        for (var column : table.columns()) {
            if (column instanceof tech.tablesaw.api.NumericColumn<?> || skip.contains(column.name())) {
                continue;
            }
            int numbers = 0;
            int firstText = -1;
            for (int row = 0; row < column.size(); row++) {
                String cell = column.getString(row).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                try {
                    Double.parseDouble(cell);
                    numbers++;
                } catch (NumberFormatException e) {
                    firstText = firstText < 0 ? row : firstText;
                }
            }
            if (firstText >= 0 && numbers > column.size() / 2) {
                throw new IllegalArgumentException(file + ", line " + (firstText + 2) + ", column " + (table.columnIndex(column) + 1)
                        + ": '" + column.getString(firstText) + "' in feature column '" + column.name() + "'; expected a number"
                        + " (or leave the column out with --exclude " + column.name() + ")");
            }
            text.add(column.name());
        }
        return text;
    }

    private static int parseFolds(String folds) {
        try {
            return Integer.parseInt(folds);
        } catch (NumberFormatException e) {
            throw new UsageException("--folds expects 'logo' or a number, got '" + folds + "'");
        }
    }
}
