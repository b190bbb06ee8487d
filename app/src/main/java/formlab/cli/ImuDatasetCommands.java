package formlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import formlab.data.DataFileException;
import formlab.dataset.LoadedDescription;
import formlab.eval.Progress;
import formlab.exercise.DescribedImuEvaluation;
import formlab.exercise.DescribedImuRepetitions;
import formlab.exercise.DescribedImuSearch;
import formlab.exercise.DescribedImuTraining;
import formlab.exercise.DescribedImuWindows;
import formlab.exercise.ExercisePipeline;
import formlab.exercise.FeatureSet;
import formlab.imu.dataset.DescribedImuReader;
import formlab.imu.dataset.DescribedImuRecording;
import formlab.imu.signal.WindowSettings;
import formlab.model.Trainer;
import formlab.options.Args;
import formlab.options.InputException;
import formlab.options.UsageException;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code train/evaluate --dataset D} for IMU descriptions: reads the recordings through the description,
 * computes windows (or repetitions) with the deployed exercise pipeline, evaluates leave-one-subject-out
 * and, for train, registers a model trained on every subject. Every input problem (options, description,
 * data files, unit names) is found before anything is trained or registered.
 */
final class ImuDatasetCommands {

    private ImuDatasetCommands() {
    }

    /** What the options ask for, checked. */
    private record Request(DescribedImuWindows.Task task, boolean reps, String units, FeatureSet features,
            WindowSettings window, int trees, boolean json, boolean pausesAsRest, boolean search) {

        Trainer trainer() {
            return DescribedImuEvaluation.forest(trees, 42);
        }
    }

    private static Request request(Args args) {
        String task = args.option("task", "exercise");
        DescribedImuWindows.Task kind = switch (task) {
            case "exercise", "reps" -> DescribedImuWindows.Task.EXERCISE;
            case "quality" -> DescribedImuWindows.Task.QUALITY;
            default -> throw new UsageException("--task expects exercise, quality or reps; got '" + task + "'");
        };
        double length = args.number("window", 4);
        double step = args.number("step", 1);
        int trees = args.integer("trees", 100);
        if (!(length > 0) || !(step > 0) || trees < 1) {
            throw new UsageException("--window and --step must be positive seconds and --trees at least 1; got "
                    + length + ", " + step + ", " + trees);
        }
        FeatureSet features;
        try {
            features = FeatureSet.of(args.option("features", "all"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--features: " + e.getMessage());
        }
        boolean pauses = args.flag("pauses-as-rest");
        if (pauses && kind != DescribedImuWindows.Task.EXERCISE) {
            throw new UsageException("--pauses-as-rest labels windows of the exercise task; got --task " + task);
        }
        boolean search = args.flag("search");
        String units = args.option("units", DescribedImuEvaluation.ALL);
        if (search && (kind != DescribedImuWindows.Task.EXERCISE || task.equals("reps"))) {
            throw new UsageException("--search chooses the windows and features of the exercise task; got --task " + task);
        }
        if (search && args.option("features").isPresent()) {
            throw new UsageException("--search chooses the feature set itself; leave out --features");
        }
        if (search && units.equals(DescribedImuEvaluation.BEST)) {
            throw new UsageException("--search chooses windows and features for the units given; --units best is a search of"
                    + " its own: give --units all or one unit's name with --search");
        }
        return new Request(kind, task.equals("reps"), units, features, new WindowSettings(length, step), trees,
                args.flag("json"), pauses, search);
    }

    /** The rows of the dataset; every problem with the input is a usage error naming the file or key. */
    private static Prepared prepare(LoadedDescription description, Request request, PrintStream out) {
        try {
            List<DescribedImuRecording> recordings = DescribedImuReader.read(description);
            List<String> units = DescribedImuReader.requireCommonUnits(description.file(), recordings);
            if (!request.units().equals(DescribedImuEvaluation.BEST)) {
                DescribedImuEvaluation.units(request.units(), units);
            }
            double rate = DescribedImuWindows.rateOf(recordings, units);
            ExercisePipeline pipeline = DescribedImuWindows.pipeline(rate, request.window());
            if (!request.json()) {
                out.printf("%s: %d recordings, %d subjects, units %s; %s%n", description.description().name(), recordings.size(),
                        recordings.stream().map(DescribedImuRecording::subject).distinct().count(), units, pipeline.describe());
            }
            DescribedImuWindows rows = rows(description, recordings, units, pipeline, request);
            Optional<DescribedImuSearch.Space> space = Optional.empty();
            List<String> leftOut = new java.util.ArrayList<>();
            if (request.search()) {
                long subjects = java.util.Arrays.stream(rows.subjects()).distinct().count();
                if (subjects < 3) {
                    throw new UsageException(description.file() + ": --search is a nested leave-one-subject-out and needs at"
                            + " least 3 subjects with rows (2 to choose on besides the one left out); found " + subjects);
                }
                space = Optional.of(searchSpace(rows, recordings, units, rate, request, leftOut));
                if (!request.json()) {
                    leftOut.forEach(reason -> out.println("search: left out " + reason));
                    out.println("search: " + space.get().candidates().size() + " candidates (" + String.join("; ",
                            space.get().candidates().stream().map(Object::toString).toList()) + ")");
                }
            }
            return new Prepared(rows.withFeatures(request.features()), recordings.stream().flatMap(r -> r.sources().stream()).toList(),
                    recordings, space, List.copyOf(leftOut));
        } catch (DataFileException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /**
     * The windows of {@link DescribedImuSearch.Space#windowsAround} the requested one; a window setting whose
     * windows miss a recording the requested windows cover is left out (its reason added to {@code leftOut}),
     * so every candidate is measured on the same recordings.
     */
    private static DescribedImuSearch.Space searchSpace(DescribedImuWindows requested, List<DescribedImuRecording> recordings,
            List<String> units, double rate, Request request, List<String> leftOut) {
        java.util.Set<String> covered = new java.util.TreeSet<>(List.of(requested.recordings()));
        Map<WindowSettings, DescribedImuWindows> byWindow = new LinkedHashMap<>();
        byWindow.put(request.window(), requested);
        for (WindowSettings window : DescribedImuSearch.Space.windowsAround(request.window())) {
            if (window.equals(request.window())) {
                continue;
            }
            DescribedImuWindows rows = DescribedImuWindows.windows(recordings, units, DescribedImuWindows.pipeline(rate, window),
                    request.pausesAsRest());
            java.util.Set<String> missing = new java.util.TreeSet<>(covered);
            missing.removeAll(List.of(rows.recordings()));
            if (missing.isEmpty()) {
                byWindow.put(window, rows);
            } else {
                leftOut.add(new DescribedImuSearch.Candidate(window, FeatureSet.ALL).windowText() + ": no window in "
                        + missing.size() + " recordings (shorter), e.g. " + missing.iterator().next());
            }
        }
        return new DescribedImuSearch.Space(byWindow, DescribedImuSearch.FEATURE_SETS);
    }

    /** The rows of one window setting; none, or a single subject with rows, is a usage error naming the file. */
    private static DescribedImuWindows rows(LoadedDescription description, List<DescribedImuRecording> recordings,
            List<String> units, ExercisePipeline pipeline, Request request) {
        DescribedImuWindows rows = request.task() == DescribedImuWindows.Task.EXERCISE
                ? DescribedImuWindows.windows(recordings, units, pipeline, request.pausesAsRest())
                : DescribedImuWindows.repetitions(recordings, units, pipeline);
        if (rows.size() == 0) {
            throw new UsageException(description.file() + ": no " + (request.task() == DescribedImuWindows.Task.EXERCISE
                    ? "window fits in any recording (recordings shorter than --window " + pipeline.window().lengthSeconds() + " s)"
                    : "annotated repetition") + ": nothing to learn");
        }
        if (java.util.Arrays.stream(rows.subjects()).distinct().count() < 2) {
            throw new UsageException(description.file() + ": key 'labels.subject': leave-one-subject-out needs at least"
                    + " two subjects with rows");
        }
        return rows;
    }

    private record Prepared(DescribedImuWindows rows, List<Path> sources, List<DescribedImuRecording> recordings,
            Optional<DescribedImuSearch.Space> space, List<String> searchLeftOut) {

        /** Leave-one-subject-out; nested, choosing window and features in each training fold, with a search. */
        DescribedImuEvaluation evaluate(Request request, Progress progress) {
            return space.isPresent() ? DescribedImuSearch.leaveOneSubjectOut(space.get(), request.units(), request.trainer(), progress)
                    : DescribedImuEvaluation.leaveOneSubjectOut(rows, request.units(), request.trainer(), progress);
        }
    }

    /** {@code formlab evaluate --dataset D}: leave-one-subject-out report. */
    static int evaluate(LoadedDescription description, Args args, PrintStream out) {
        Request request = request(args);
        args.rejectUnknown();
        if (request.reps()) {
            return countRepetitions(description, request, out);
        }
        Prepared prepared = prepare(description, request, out);
        long start = System.nanoTime();
        DescribedImuEvaluation evaluation = prepared.evaluate(request, request.json() ? Progress.none() : Progress.printing(out));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (request.json()) {
            out.println(json(description, request, prepared, prepared.rows(), evaluation, null, Optional.empty(), seconds));
        } else {
            out.print(evaluation.text());
            out.printf(Locale.ROOT, "%.1f s%n", seconds);
        }
        return Main.EXIT_OK;
    }

    /**
     * {@code formlab reps --dataset D}: the dataset's own repetition counter, leave-one-subject-out
     * (as {@code evaluate --dataset D --task reps}); options {@code --units} and {@code --json}.
     */
    static int reps(LoadedDescription description, Args args, PrintStream out) {
        String units = args.option("units", DescribedImuEvaluation.ALL);
        boolean json = args.flag("json");
        args.rejectUnknown();
        return countRepetitions(description, new Request(DescribedImuWindows.Task.EXERCISE, true, units, FeatureSet.ALL,
                new WindowSettings(4, 1), 1, json, false, false), out);
    }

    /** {@code evaluate --task reps}: repetition counts, rule and unit chosen leave-one-subject-out. */
    private static int countRepetitions(LoadedDescription description, Request request, PrintStream out) {
        List<DescribedImuRecording> recordings;
        List<String> units;
        try {
            recordings = DescribedImuReader.read(description);
            units = DescribedImuReader.requireCommonUnits(description.file(), recordings);
            units = request.units().equals(DescribedImuEvaluation.BEST) ? units : DescribedImuEvaluation.units(request.units(), units);
        } catch (DataFileException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(e.getMessage(), e);
        }
        long start = System.nanoTime();
        DescribedImuRepetitions counts;
        try {
            counts = DescribedImuRepetitions.leaveOneSubjectOut(recordings, units);
        } catch (IllegalArgumentException e) {
            throw new InputException(description.file() + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (request.json()) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("dataset", description.description().name());
            all.put("task", "reps");
            all.put("recordings", counts.rows().size());
            all.put("notCounted", counts.rows().size() - counts.counted().size());
            all.put("zeroCountLeftOut", counts.zeroCount().size());
            all.put("metrics", counts.summary());
            all.put("seconds", seconds);
            out.println(write(all));
        } else {
            out.print(counts.text());
            out.printf(Locale.ROOT, "%.1f s%n", seconds);
        }
        return Main.EXIT_OK;
    }

    /** {@code formlab train --dataset D}: evaluation, training on every subject, registration. */
    static int train(LoadedDescription description, Args args, PrintStream out) throws IOException {
        Request request = request(args);
        String name = ImuOptions.modelName(args, description.description().name(),
                request.task().name().toLowerCase(Locale.ROOT));
        ModelRegistry registry = ImuOptions.trainingRegistry(args);
        args.rejectUnknown();
        if (request.reps()) {
            throw new UsageException("train --task reps: repetition counting rules are chosen, not trained; use"
                    + " formlab evaluate --dataset D --task reps");
        }
        Prepared prepared = prepare(description, request, out);
        long start = System.nanoTime();
        Progress progress = request.json() ? Progress.none() : Progress.printing(out);
        DescribedImuEvaluation evaluation = prepared.evaluate(request, progress);
        DescribedImuTraining.Trained trained = prepared.space().isPresent()
                ? DescribedImuTraining.train(prepared.space().get(), request.units(), request.trainer())
                : DescribedImuTraining.train(prepared.rows(), request.units(), request.trainer());
        DescribedImuWindows trainedRows = trained.search().map(c -> prepared.space().get().rowsOf(c.candidate()))
                .orElse(prepared.rows());
        Map<String, DescribedImuRepetitions.Rule> repRules = request.task() == DescribedImuWindows.Task.EXERCISE
                ? DescribedImuRepetitions.fit(prepared.recordings(), trained.units()) : Map.of();
        ModelCard card = DescribedImuTraining.register(registry, name, trained, request.trainer(), evaluation, trainedRows,
                description, prepared.sources(), repRules);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (request.json()) {
            out.println(json(description, request, prepared, trainedRows, evaluation, card, trained.search(), seconds));
        } else {
            out.print(evaluation.text());
            out.println("registered " + card.id() + " (units " + String.join("+", trained.units())
                    + trained.search().map(c -> "; " + c + ", chosen over every subject").orElse("") + ") in "
                    + registry.versionFolder(name, card.version()));
        }
        return Main.EXIT_OK;
    }

    /**
     * The run as JSON: {@code rows}, {@code window} and {@code features} are those of the rows evaluated (evaluate)
     * or trained on (train, after a search: the chosen ones, also in {@code chosen}).
     */
    private static String json(LoadedDescription description, Request request, Prepared prepared, DescribedImuWindows rows,
            DescribedImuEvaluation evaluation, ModelCard card, Optional<DescribedImuSearch.Choice> chosen, double seconds) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("dataset", description.description().name());
        all.put("task", request.task().name().toLowerCase(Locale.ROOT));
        all.put("units", request.units());
        WindowSettings window = rows.pipeline().window();
        all.put("window", Map.of("lengthSeconds", window.lengthSeconds(), "stepSeconds", window.stepSeconds()));
        all.put("features", rows.featureSet().label());
        all.put("trees", request.trees());
        all.put("search", request.search());
        if (request.search()) {
            all.put("searchLeftOut", prepared.searchLeftOut());
        }
        chosen.ifPresent(choice -> all.put("chosen", choice.asMap()));
        all.put("rows", rows.size());
        all.put("unitsBySubject", evaluation.unitsBySubject());
        if (!evaluation.searchBySubject().isEmpty()) {
            Map<String, Object> search = new LinkedHashMap<>();
            evaluation.searchBySubject().forEach((subject, choice) -> search.put(subject, choice.asMap()));
            all.put("searchBySubject", search);
        }
        all.put("metrics", evaluation.summary());
        all.put("perSubject", evaluation.rowEvaluation().groupAccuracies());
        if (card != null) {
            all.put("registered", card.id());
        }
        all.put("seconds", seconds);
        return write(all);
    }

    private static String write(Map<String, Object> all) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
    }
}
