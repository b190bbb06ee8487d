package formlab.posture;

import formlab.cnn.CnnImageClassifier;
import formlab.cnn.ImagePredictions;
import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.image.ImageDataset;
import formlab.image.ImageFolderScan;
import formlab.image.PreparedImages;
import formlab.image.Split;
import formlab.image.SplitManifest;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The image CNN and the landmark forest of the photos themselves ({@link PhotoLandmarkModel})
 * answering together: where the pose estimator found a person, their probabilities are pooled
 * ({@link LogLinearPooling}, two weights learned on the <b>validation</b> split); where it found
 * nobody, the CNN answers alone. Both models, the weights and every choice here are made without the
 * test split, which is scored once at the end.
 *
 * <p>{@link #fitAndEvaluate} reports each step on the validation split (CNN alone, forest alone, a
 * forest with mirror images that was tried and not kept, the forest with the CNN where nobody was
 * found, plain product, learned weights without and with the fallback) and the CNN, the forest and
 * the combination on the test split.
 */
public final class CnnLandmarkCombination {

    /** The landmark model whose landmarks the forest learns from (and the estimator must run at prediction). */
    public static final PoseModels.Variant VARIANT = PoseModels.Variant.FULL;

    /**
     * How the combination's forest makes its features: square pixels and the stance features. Chosen
     * on the yoga photos' validation split against the standard features on raw coordinates and in
     * square pixels, which {@link #fitAndEvaluate} scores beside it (seed 42, a one-network CNN: 0.821,
     * 0.821 and 0.827 alone).
     */
    public static final PhotoPoseFeatures FEATURES = PhotoPoseFeatures.DEFAULT;

    /**
     * Whether the combination's forest also learns from and answers with mirror images of the poses:
     * no. On the yoga photos' validation split (seed 42) the forest with the stance features scored
     * 0.827 alone, with mirror images too 0.815 ({@link #MIRRORED_FOREST}).
     */
    public static final boolean MIRROR = false;

    /** Step name of the forest with mirror images, tried and shown, not used further. */
    public static final String MIRRORED_FOREST = "(tried, not kept) forest with stance features learning and answering mirror images too";

    /** Step name of the forest the combination uses. */
    public static final String FOREST = "landmark forest, square pixels + stance features (used)";

    /** Step name of the final combination. */
    public static final String COMBINED = "combined: learned weights, CNN where no person";

    private static final NumberColumnFormatter THREE_DECIMALS = NumberColumnFormatter.fixedWithGrouping(3);

    private CnnLandmarkCombination() {
    }

    /**
     * One way of answering, scored on the validation split.
     *
     * @param name       what answers
     * @param evaluation its evaluation on the validation photos
     */
    public record Step(String name, Evaluation evaluation) {
    }

    /**
     * What fitting and evaluating gave.
     *
     * @param classes    class order of every probability vector (the CNN's)
     * @param pooling    the weights learned on the validation split
     * @param landmarks  the landmark forest and its own summary
     * @param steps      the validation steps, in order, ending with {@link #COMBINED}
     * @param test       test-split evaluations: {@code "CNN"}, {@code "landmark forest"}, {@code "combined"}
     * @param combiner   the fitted combination for new photos (needs a pose estimator to run)
     */
    public record Result(List<String> classes, LogLinearPooling pooling, PhotoLandmarkModel.Result landmarks, List<Step> steps,
                         List<Step> test, PhotoPostureClassifier.Combiner combiner) {

        /** The test evaluation of {@code name} ({@code "CNN"}, {@code "landmark forest"}, {@code "combined"}). */
        public Evaluation test(String name) {
            return test.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no test evaluation named " + name)).evaluation();
        }

        /** Validation steps: accuracy, balanced accuracy, accuracy gained over the CNN alone, log-loss. */
        public Table stepsTable() {
            return table("Validation split: what each step adds", steps, true);
        }

        /** Test split: accuracy, balanced accuracy and recall per class of the CNN, the forest and the combination. */
        public Table testTable() {
            Table table = table("Test split (scored once)", test, false);
            for (int c = 0; c < classes.size(); c++) {
                int k = c;
                DoubleColumn recall = DoubleColumn.create("recall " + classes.get(c),
                        test.stream().mapToDouble(s -> recall(s.evaluation(), k)).toArray());
                recall.setPrintFormatter(THREE_DECIMALS);
                table.addColumns(recall);
            }
            return table;
        }

        /** Lines for a report: the learned weights, the steps and the test figures. */
        public String summary() {
            StringBuilder b = new StringBuilder(landmarks.summary());
            b.append("pooling learned on the validation split: ").append(pooling).append('\n');
            for (Step s : steps) {
                b.append(String.format(Locale.ROOT, "  validation  %-52s accuracy %.3f, balanced %.3f%n", s.name(),
                        s.evaluation().accuracy(), s.evaluation().balancedAccuracy()));
            }
            for (Step s : test) {
                b.append(String.format(Locale.ROOT, "  test        %-52s accuracy %.3f, balanced %.3f, recall", s.name(),
                        s.evaluation().accuracy(), s.evaluation().balancedAccuracy()));
                for (int c = 0; c < classes.size(); c++) {
                    b.append(String.format(Locale.ROOT, " %s %.2f", classes.get(c), recall(s.evaluation(), c)));
                }
                b.append('\n');
            }
            return b.toString();
        }

        private static Table table(String title, List<Step> rows, boolean gains) {
            StringColumn name = StringColumn.create("step", rows.stream().map(Step::name).toList());
            DoubleColumn accuracy = DoubleColumn.create("accuracy", rows.stream().mapToDouble(s -> s.evaluation().accuracy()).toArray());
            DoubleColumn balanced = DoubleColumn.create("balanced accuracy",
                    rows.stream().mapToDouble(s -> s.evaluation().balancedAccuracy()).toArray());
            Table table = Table.create(title, name, accuracy, balanced);
            accuracy.setPrintFormatter(THREE_DECIMALS);
            balanced.setPrintFormatter(THREE_DECIMALS);
            if (gains) {
                double[] gain = new double[rows.size()];
                for (int i = 1; i < rows.size(); i++) {
                    gain[i] = accuracy.get(i) - accuracy.get(0);
                }
                gain[0] = Double.NaN;
                table.addColumns(DoubleColumn.create("accuracy gain vs CNN alone", gain),
                        DoubleColumn.create("log-loss", rows.stream().mapToDouble(s -> logLoss(s.evaluation())).toArray()));
                table.doubleColumn(3).setPrintFormatter(THREE_DECIMALS);
                table.doubleColumn(4).setPrintFormatter(THREE_DECIMALS);
            }
            return table;
        }

        /** Mean negative log-probability of the true class (lower: surer where right, less sure where wrong). */
        static double logLoss(Evaluation e) {
            double[][] p = e.probabilities().orElseThrow();
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum -= Math.log(Math.max(1e-15, p[i][e.classes().indexOf(e.truth()[i])]));
            }
            return sum / p.length;
        }

        private static double recall(Evaluation e, int c) {
            long[][] counts = e.confusionCounts();
            long support = java.util.Arrays.stream(counts[c]).sum();
            return support == 0 ? Double.NaN : (double) counts[c][c] / support;
        }
    }

    /**
     * Trains the landmark forest on the training photos of {@code manifest} (landmarks from
     * {@code landmarks}, estimated by {@code estimator} where missing), scores the CNN on the
     * validation and test photos, learns the pooling weights on the validation photos in which a
     * person was found, and evaluates every step.
     *
     * @param images    the same photos prepared for the CNN ({@code dataset.prepare(size)})
     * @param estimator may be null when every photo is in the landmark cache
     */
    public static Result fitAndEvaluate(ImageFolderScan scan, SplitManifest manifest, PreparedImages images, CnnImageClassifier cnn,
                                        PhotoLandmarks landmarks, PhotoLandmarks.Estimator estimator, int trees, long seed,
                                        Progress progress) {
        PhotoLandmarkModel.Result forest = PhotoLandmarkModel.trainAndEvaluate(scan, manifest, landmarks, estimator, trees, seed,
                FEATURES, MIRROR, progress);
        List<Variant> variants = List.of(
                new Variant("landmark forest, standard features (raw coordinates)", PhotoPoseFeatures.PLAIN, false),
                new Variant("landmark forest, standard features, square pixels", new PhotoPoseFeatures(true, false), false),
                new Variant(MIRRORED_FOREST, FEATURES, !MIRROR));
        List<PhotoLandmarkModel.Result> compared = new ArrayList<>();
        for (Variant v : variants) {
            compared.add(PhotoLandmarkModel.trainAndEvaluate(scan, manifest, landmarks, null, trees, seed, v.features(), v.mirror(),
                    Progress.none()));
        }
        List<String> classes = cnn.classes();
        Scored validation = score(Split.VALIDATION, scan, images, cnn, forest, compared, landmarks);
        Scored test = score(Split.TEST, scan, images, cnn, forest, compared, landmarks);

        if (validation.withPerson(validation.truthIndex(classes)).length == 0) {
            throw new IllegalArgumentException("no validation photo shows a person: nothing to learn the pooling weights on");
        }
        LogLinearPooling pooling = LogLinearPooling.fit(validation.withPerson(validation.cnn), validation.withPerson(validation.forest),
                validation.withPerson(validation.truthIndex(classes)));
        PhotoPostureClassifier.Combiner combiner = new PhotoPostureClassifier.Combiner(classes, forest.classifier(), MIRROR, FEATURES,
                pooling);

        List<Step> steps = new ArrayList<>();
        steps.add(validation.step("CNN alone (networks x image and mirror image)", classes, i -> validation.cnn[i]));
        for (int v = 0; v < variants.size(); v++) {
            double[][] variant = validation.compared.get(v);
            steps.add(validation.step(variants.get(v).name(), classes, i -> variant[i]));
        }
        steps.add(validation.step(FOREST, classes, i -> validation.forest[i]));
        steps.add(validation.step("landmark forest, CNN where no person", classes,
                i -> validation.person[i] ? validation.forest[i] : validation.cnn[i]));
        steps.add(validation.step("plain product (weights 1, 1), CNN where no person", classes,
                i -> validation.person[i] ? LogLinearPooling.PRODUCT.combine(validation.cnn[i], validation.forest[i]) : validation.cnn[i]));
        steps.add(validation.step("learned weights on every photo (no fallback)", classes,
                i -> pooling.combine(validation.cnn[i], validation.forest[i])));
        steps.add(validation.step(COMBINED, classes, i -> combiner.combine(validation.cnn[i], validation.forest[i], validation.person[i])));

        List<Step> tested = List.of(
                test.step("CNN", classes, i -> test.cnn[i]),
                test.step("landmark forest", classes, i -> test.forest[i]),
                test.step("combined", classes, i -> combiner.combine(test.cnn[i], test.forest[i], test.person[i])));
        return new Result(classes, pooling, forest, steps, tested, combiner);
    }

    /** A forest compared on the validation split and not used further. */
    private record Variant(String name, PhotoPoseFeatures features, boolean mirror) {
    }

    /**
     * {@link #fitAndEvaluate} on {@code data}'s photos with the landmark cache in its default file
     * ({@link PhotoLandmarks#defaultFile}, {@link #VARIANT} landmarks): photos missing from the
     * cache are estimated (the pose models must then be provisioned) and the cache is saved.
     *
     * @param images {@code data.prepare(...)} at the CNN's input size
     */
    public static Result onDataset(ImageDataset data, PreparedImages images, CnnImageClassifier cnn, int trees, long seed,
                                   Progress progress) {
        String model = landmarkModelName(VARIANT);
        PhotoLandmarks cache = PhotoLandmarks.open(PhotoLandmarks.defaultFile(data, model), model);
        PoseEstimator[] opened = new PoseEstimator[1];
        PhotoLandmarks.Estimator lazy = image -> {
            if (opened[0] == null) {
                PoseModels models = PoseModels.locate();
                if (!models.isProvisioned(VARIANT)) {
                    throw new IllegalStateException("photos are missing from the landmark cache " + cache.file() + " and "
                            + models.describe(VARIANT));
                }
                opened[0] = new PoseEstimator(models, VARIANT, 1);
            }
            return opened[0].estimate(image);
        };
        try {
            return fitAndEvaluate(data.scan(), data.manifest(), images, cnn, cache, lazy, trees, seed, progress);
        } finally {
            if (opened[0] != null) {
                opened[0].close();
            }
        }
    }

    /** The name landmarks of {@code variant} are cached under: {@code mediapipe-pose-full} and so on. */
    public static String landmarkModelName(PoseModels.Variant variant) {
        return "mediapipe-pose-" + variant.name().toLowerCase(Locale.ROOT);
    }

    /** Both models' probabilities (in the CNN's class order) for every photo of one split, and the compared forests'. */
    private static Scored score(Split split, ImageFolderScan scan, PreparedImages images, CnnImageClassifier cnn,
                                PhotoLandmarkModel.Result forest, List<PhotoLandmarkModel.Result> compared, PhotoLandmarks landmarks) {
        ImagePredictions predictions = cnn.predictPrepared(images.split(split));
        int n = predictions.size();
        double[][] forestProbabilities = new double[n][];
        List<double[][]> comparedProbabilities = new ArrayList<>();
        compared.forEach(c -> comparedProbabilities.add(new double[n][]));
        boolean[] person = new boolean[n];
        for (int i = 0; i < n; i++) {
            PhotoLandmarks.Landmarks lm = landmarks.get(scan.resolve(predictions.paths().get(i)), null);
            person[i] = lm.personFound();
            forestProbabilities[i] = PhotoPostureClassifier.Combiner.forestProbabilities(forest, lm.pose(), lm.width(), lm.height(),
                    cnn.classes());
            for (int c = 0; c < compared.size(); c++) {
                comparedProbabilities.get(c)[i] = PhotoPostureClassifier.Combiner.forestProbabilities(compared.get(c), lm.pose(), lm.width(),
                        lm.height(), cnn.classes());
            }
        }
        return new Scored(predictions.truth(), predictions.probabilities(), forestProbabilities, comparedProbabilities, person);
    }

    /** One split's photos: truth, CNN and forest probabilities (the forest used, the compared ones), person found. */
    private record Scored(String[] truth, double[][] cnn, double[][] forest, List<double[][]> compared, boolean[] person) {
        int[] truthIndex(List<String> classes) {
            return java.util.Arrays.stream(truth).mapToInt(classes::indexOf).toArray();
        }

        double[][] withPerson(double[][] rows) {
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if (person[i]) {
                    kept.add(rows[i]);
                }
            }
            return kept.toArray(double[][]::new);
        }

        int[] withPerson(int[] values) {
            return java.util.stream.IntStream.range(0, values.length).filter(i -> person[i]).map(i -> values[i]).toArray();
        }

        Step step(String name, List<String> classes, java.util.function.IntFunction<double[]> answer) {
            double[][] probabilities = new double[truth.length][];
            for (int i = 0; i < truth.length; i++) {
                probabilities[i] = answer.apply(i);
            }
            String[] groups = new String[truth.length];
            for (int i = 0; i < truth.length; i++) {
                groups[i] = person[i] ? PhotoLandmarkModel.PERSON : PhotoLandmarkModel.NO_PERSON;
            }
            return new Step(name, Evaluation.ofProbabilities(classes, truth, probabilities, groups));
        }
    }
}
