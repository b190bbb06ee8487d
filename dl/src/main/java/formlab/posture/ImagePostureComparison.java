package formlab.posture;

import formlab.data.KnownDataset;
import formlab.pose.estimate.LandmarkEstimate;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import formlab.data.ProjectPaths;
import formlab.data.Settings;
import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.image.ImageDataset;
import formlab.image.ImageDecodeException;
import formlab.image.ImageDecoder;
import formlab.image.ManifestEntry;
import formlab.image.Split;
import formlab.model.Prediction;
import formlab.cnn.CnnImageClassifier;
import formlab.cnn.TrainingProgress;
import formlab.pose.io.PoseData;
import formlab.pose.io.PoseDatasets;
import formlab.registry.ModelRegistry;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.plotly.api.BoxPlot;
import tech.tablesaw.plotly.components.Figure;

/**
 * Two routes from a photo to a yoga posture, measured on the same photos: (a) photo -> 33 landmarks
 * ({@link PoseEstimator}) -> the landmark classifier trained on PosePilot <em>videos</em>, and (b)
 * the image CNN ({@link CnnImageClassifier}) trained on the photo dataset itself. The photos are the
 * CNN's <em>test</em> split (from its split manifest, so the CNN never trained on them) restricted
 * to the four classes both datasets share ({@link ImagePostureEvaluation#SHARED_CLASSES}).
 *
 * <p>Each route is scored twice through the shared {@link Evaluation}: with its arg-max restricted
 * to the four shared classes (probabilities of the other classes dropped, the rest renormalised),
 * and plainly over all its own classes (6 PosePilot poses; 5 photo classes, child's pose named by
 * its folder {@code BALASANA}). The evaluations are grouped by whether the landmark model found a
 * person, so {@link Evaluation#perGroup()} shows every route on the photos the landmark route
 * could not read. Times are wall-clock per photo on this JVM after one untimed warm-up photo:
 * decoding the file (shared by both routes), then each route's model work (landmarks: detector +
 * landmark model + features + forest; CNN: letterbox + every network on the photo and its mirror).
 * Medians and 95th percentiles come from Tablesaw's column statistics.
 */
public final class ImagePostureComparison {

    /** The four shared classes, in PosePilot names, sorted. */
    public static final List<String> SHARED = ImagePostureEvaluation.SHARED_CLASSES.values().stream().sorted().toList();

    /** Group of photos where the landmark model found a person. */
    public static final String PERSON = "person found";

    /** Group of photos where it did not (its landmarks are then guesses). */
    public static final String NO_PERSON = "no person found";

    /**
     * One photo to classify.
     *
     * @param file  the image file
     * @param truth its class in PosePilot names ({@link #SHARED})
     */
    public record Photo(Path file, String truth) {
    }

    /**
     * One route's scores and cost.
     *
     * @param name       what produced the answers, and over which classes the arg-max ran
     * @param evaluation the shared evaluation, grouped {@value #PERSON} / {@value #NO_PERSON}
     * @param millis     model time per photo in milliseconds, decoding excluded, photo order
     */
    public record Route(String name, Evaluation evaluation, double[] millis) {
        /** Median model time per photo (ms). */
        public double medianMillis() {
            return DoubleColumn.create("ms", millis).median();
        }

        /** 95th percentile of the model time per photo (ms). */
        public double p95Millis() {
            return DoubleColumn.create("ms", millis).percentile(95);
        }
    }

    /**
     * The comparison.
     *
     * @param photos       the photos scored, in order
     * @param routes       landmark route (4 shared, 6 classes), CNN route (4 shared, 5 classes)
     * @param noPerson     photos where the landmark model found no person
     * @param unreadable   photos that could not be decoded (left out of everything)
     * @param decodeMillis decoding time per photo (ms), shared by both routes
     * @param landmarkModel what the landmark classifier is and what it was trained on
     * @param cnnModel      what the CNN is and where it came from
     */
    public record Result(List<Photo> photos, List<Route> routes, List<Path> noPerson, List<Path> unreadable,
                         double[] decodeMillis, String landmarkModel, String cnnModel) {

        /** The route called {@code name}. */
        public Route route(String name) {
            return routes.stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no route '" + name + "' in " + routes.stream().map(Route::name).toList()));
        }

        /** One row per route: photos, accuracy, balanced accuracy, macro F1, accuracy without a person found, ms per photo. */
        public Table table() {
            StringColumn name = StringColumn.create("route");
            IntColumn n = IntColumn.create("photos");
            DoubleColumn accuracy = DoubleColumn.create("accuracy");
            DoubleColumn balanced = DoubleColumn.create("balanced_accuracy");
            DoubleColumn f1 = DoubleColumn.create("macro_f1");
            DoubleColumn noPersonAccuracy = DoubleColumn.create("accuracy_no_person");
            DoubleColumn median = DoubleColumn.create("median_ms");
            DoubleColumn p95 = DoubleColumn.create("p95_ms");
            for (Route route : routes) {
                Evaluation e = route.evaluation();
                name.append(route.name());
                n.append(e.size());
                accuracy.append(e.accuracy());
                balanced.append(e.balancedAccuracy());
                f1.append(e.macroF1());
                if (noPerson.isEmpty()) {
                    noPersonAccuracy.appendMissing();
                } else {
                    noPersonAccuracy.append(e.subset(NO_PERSON).accuracy());
                }
                median.append(route.medianMillis());
                p95.append(route.p95Millis());
            }
            for (DoubleColumn c : List.of(accuracy, balanced, f1, noPersonAccuracy)) {
                c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
            }
            median.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
            p95.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
            return Table.create("Landmarks vs CNN on the same " + photos.size() + " photos", name, n, accuracy, balanced, f1,
                    noPersonAccuracy, median, p95);
        }

        /** Recall per shared class (rows) for each route (columns). */
        public Table recallTable() {
            Table table = Table.create("Recall per class", StringColumn.create("class", SHARED));
            table.addColumns(IntColumn.create("photos", SHARED.stream().mapToInt(c -> (int) photos.stream().filter(p -> p.truth().equals(c)).count()).toArray()));
            for (Route route : routes) {
                Table perClass = route.evaluation().perClass();
                DoubleColumn recall = DoubleColumn.create(route.name());
                for (String c : SHARED) {
                    int row = perClass.stringColumn("class").indexOf(c);
                    recall.append(perClass.doubleColumn("recall").getDouble(row));
                }
                recall.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
                table.addColumns(recall);
            }
            return table;
        }

        /** Box plot of the time per photo of each route (model work, decoding excluded) and of decoding. */
        public Figure timingFigure() {
            StringColumn what = StringColumn.create("step");
            DoubleColumn ms = DoubleColumn.create("ms per photo");
            for (double v : decodeMillis) {
                what.append("decode (both)");
                ms.append(v);
            }
            for (Route route : List.of(route(LANDMARKS_SHARED), route(CNN_SHARED))) {
                String label = route.name().startsWith("CNN") ? "CNN" : "landmarks + forest";
                for (double v : route.millis()) {
                    what.append(label);
                    ms.append(v);
                }
            }
            return BoxPlot.create("Time per photo (ms, one JVM, after warm-up)", Table.create("timing", what, ms), "step", "ms per photo");
        }

        /** Median and 95th percentile of the decoding time per photo (ms). */
        public String decodeTiming() {
            DoubleColumn c = DoubleColumn.create("ms", decodeMillis);
            return String.format(Locale.ROOT, "decoding: median %.1f ms, p95 %.1f ms per photo (both routes pay it once)",
                    c.median(), c.percentile(95));
        }

        /** The whole report as plain text (models, table, recalls, confusion matrices, photos without a person). */
        public String report() {
            StringBuilder b = new StringBuilder();
            b.append("landmark route: ").append(landmarkModel).append('\n');
            b.append("CNN route:      ").append(cnnModel).append('\n');
            b.append(photos.size()).append(" photos (CNN test split, 4 shared classes), ").append(unreadable.size())
                    .append(" unreadable left out, ").append(noPerson.size()).append(" without a person found by the landmark model\n\n");
            b.append(table().print()).append("\n\n").append(recallTable().print()).append("\n\n");
            for (Route route : routes) {
                b.append(route.name()).append('\n').append(route.evaluation().confusionMatrix().print()).append("\n\n");
            }
            b.append(decodeTiming()).append('\n');
            noPerson.forEach(p -> b.append("no person found: ").append(p).append('\n'));
            return b.toString();
        }
    }

    /** Route names, as they appear in tables. */
    public static final String LANDMARKS_SHARED = "landmarks, argmax over 4 shared";
    /** Landmark route, arg-max over the 6 PosePilot classes. */
    public static final String LANDMARKS_ALL = "landmarks, argmax over 6 PosePilot";
    /** CNN route, arg-max over the 4 shared classes. */
    public static final String CNN_SHARED = "CNN, argmax over 4 shared";
    /** CNN route, arg-max over its 5 photo classes. */
    public static final String CNN_ALL = "CNN, argmax over 5 photo classes";

    private ImagePostureComparison() {
    }

    /**
     * The whole comparison as notebook 3.4 and {@code formlab compare-posture} run it: the yoga
     * photos' stored split ({@link ImageDataset#yoga()}, the CNN's split; smoke mode: its small
     * subset), the landmark classifier trained on all PosePilot participants (smoke mode: camera 0
     * only, {@value ComparisonModels#SMOKE_TREES} trees), the CNN from {@link ModelRegistry#current}
     * or trained here ({@link ComparisonModels#yogaCnn}), the {@code variant} landmark model on one thread.
     *
     * @param log where training progress and the photo count go (e.g. {@code System.out})
     * @throws IllegalStateException when the photos, the PosePilot landmarks or the pose models are missing
     */
    public static Result onYogaTestSplit(PoseModels.Variant variant, PrintStream log) throws IOException {
        boolean smoke = Settings.smoke();
        PoseModels models = PoseModels.locate();
        if (!models.isProvisioned(variant)) {
            throw new IllegalStateException(models.describe(variant));
        }
        ImageDataset data = ImageDataset.yoga();
        if (!data.origin().real()) {
            throw new IllegalStateException(KnownDataset.IMAGES_YOGA_5CLASS.folderName()
                    + " is not under FORMLAB_DATA_DIR: the comparison needs the real photos");
        }
        PoseData posePilot = PoseDatasets.posePilot()
                .orElseThrow(() -> new IllegalStateException(KnownDataset.POSE_YOGA_POSEPILOT.folderName() + " is not under FORMLAB_DATA_DIR"));
        List<Photo> photos = sharedTestPhotos(data);
        log.println(photos.size() + " photos of the 4 shared classes in the test split of " + data.origin().summary()
                + " " + counts(photos));
        var posture = ComparisonModels.postureModel(posePilot, smoke ? ComparisonModels.SMOKE_TREES : ComparisonModels.TREES);
        var cnn = ComparisonModels.yogaCnn(data, ModelRegistry.current(ProjectPaths.locate()), smoke, TrainingProgress.standard(log));
        try (PoseEstimator estimator = new PoseEstimator(models, variant, 1)) {
            return run(estimator, posture.model(), cnn.model(), photos, posture.description(), cnn.description(), Progress.none());
        } finally {
            cnn.model().close();
        }
    }

    /**
     * The photos of {@code data}'s test split whose class is one of the four shared classes, with
     * their PosePilot names, in manifest order.
     */
    public static List<Photo> sharedTestPhotos(ImageDataset data) {
        List<Photo> photos = new ArrayList<>();
        for (ManifestEntry entry : data.manifest().entries(Split.TEST)) {
            String truth = ImagePostureEvaluation.SHARED_CLASSES.get(entry.label());
            if (truth != null) {
                photos.add(new Photo(data.scan().resolve(entry.path()), truth));
            }
        }
        return photos;
    }

    /**
     * Runs both routes on every photo. Photos that cannot be decoded are left out and listed.
     *
     * @param landmarks     the PosePilot landmark classifier (its classes must include the four shared ones)
     * @param cnn           the photo CNN (its classes are photo folder names and must include the four shared ones)
     * @param landmarkModel description of the landmark classifier, for the report
     * @param cnnModel      description of the CNN, for the report
     */
    public static Result run(PoseEstimator estimator, PoseClassifier landmarks, CnnImageClassifier cnn, List<Photo> photos,
                             String landmarkModel, String cnnModel, Progress progress) {
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no photos to compare on");
        }
        List<String> poseClasses = landmarks.model().classes();
        List<String> cnnClasses = cnn.classes().stream().map(ImagePostureComparison::poseName).toList();
        int[] poseShared = indices(poseClasses, "landmark classifier");
        int[] cnnShared = indices(cnnClasses, "CNN");
        ImageDecoder decoder = new ImageDecoder();

        Scores lmShared = new Scores();
        Scores lmAll = new Scores();
        Scores cnnS = new Scores();
        Scores cnnA = new Scores();
        List<Photo> used = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Path> noPerson = new ArrayList<>();
        List<Path> unreadable = new ArrayList<>();
        List<Double> decodeMs = new ArrayList<>();
        boolean warm = false;
        int done = 0;
        for (Photo photo : photos) {
            progress.step("landmarks vs CNN", ++done, photos.size(), photo.file().getFileName().toString());
            BufferedImage image;
            long t0 = System.nanoTime();
            try {
                image = decoder.decode(photo.file()).image();
            } catch (ImageDecodeException e) {
                unreadable.add(photo.file());
                continue;
            }
            double decode = (System.nanoTime() - t0) / 1e6;
            if (!warm) {
                // JIT, native libraries and first-call allocations: keep them out of the timings.
                landmarks.predictFrames(ImagePostureEvaluation.oneFrame(photo.file(), photo.truth(), estimator.estimate(image).pose()));
                cnn.probabilities(image);
                warm = true;
            }
            t0 = System.nanoTime();
            LandmarkEstimate estimate = estimator.estimate(image);
            Prediction p = landmarks.predictFrames(ImagePostureEvaluation.oneFrame(photo.file(), photo.truth(), estimate.pose())).getFirst();
            double lmMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            double[] q = cnn.probabilities(image);
            double cnnMs = (System.nanoTime() - t0) / 1e6;

            used.add(photo);
            truth.add(photo.truth());
            groups.add(estimate.personFound() ? PERSON : NO_PERSON);
            if (!estimate.personFound()) {
                noPerson.add(photo.file());
            }
            decodeMs.add(decode);
            lmAll.add(poseClasses, p.probabilities(), lmMs);
            lmShared.add(SHARED, restrict(p.probabilities(), poseShared), lmMs);
            cnnA.add(cnnClasses, q, cnnMs);
            cnnS.add(SHARED, restrict(q, cnnShared), cnnMs);
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("none of the " + photos.size() + " photos could be decoded");
        }
        String[] t = truth.toArray(String[]::new);
        String[] g = groups.toArray(String[]::new);
        List<Route> routes = List.of(
                lmShared.route(LANDMARKS_SHARED, SHARED, t, g),
                lmAll.route(LANDMARKS_ALL, poseClasses, t, g),
                cnnS.route(CNN_SHARED, SHARED, t, g),
                cnnA.route(CNN_ALL, cnnClasses, t, g));
        return new Result(List.copyOf(used), routes, List.copyOf(noPerson), List.copyOf(unreadable),
                decodeMs.stream().mapToDouble(Double::doubleValue).toArray(), landmarkModel, cnnModel);
    }

    /** The PosePilot name of a photo folder for the shared classes; any other folder name unchanged. */
    public static String poseName(String photoClass) {
        return ImagePostureEvaluation.SHARED_CLASSES.getOrDefault(photoClass, photoClass);
    }

    /** Probabilities of the {@code keep} classes, renormalised to sum to 1 (uniform when all are 0). */
    static double[] restrict(double[] probabilities, int[] keep) {
        double[] out = new double[keep.length];
        double sum = 0;
        for (int i = 0; i < keep.length; i++) {
            out[i] = probabilities[keep[i]];
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = sum > 0 ? out[i] / sum : 1.0 / out.length;
        }
        return out;
    }

    private static int[] indices(List<String> classes, String what) {
        int[] idx = new int[SHARED.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = classes.indexOf(SHARED.get(i));
            if (idx[i] < 0) {
                throw new IllegalArgumentException("the " + what + " does not know class '" + SHARED.get(i) + "' (its classes: " + classes + ")");
            }
        }
        return idx;
    }

    /** Predictions and times of one route, in photo order. */
    private static final class Scores {
        private final List<String> predicted = new ArrayList<>();
        private final List<double[]> probabilities = new ArrayList<>();
        private final List<Double> millis = new ArrayList<>();

        void add(List<String> classes, double[] p, double ms) {
            predicted.add(Prediction.of(classes, p).label());
            probabilities.add(p);
            millis.add(ms);
        }

        Route route(String name, List<String> classes, String[] truth, String[] groups) {
            Evaluation e = Evaluation.of(classes, truth, predicted.toArray(String[]::new), probabilities.toArray(double[][]::new), groups);
            return new Route(name, e, millis.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Photos per shared class, for a quick look at a photo list. */
    public static Map<String, Integer> counts(List<Photo> photos) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SHARED.forEach(c -> counts.put(c, 0));
        photos.forEach(p -> counts.merge(p.truth(), 1, Integer::sum));
        return counts;
    }
}
