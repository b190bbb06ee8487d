package formlab.posture;

import formlab.data.KnownDataset;
import formlab.pose.estimate.LandmarkEstimate;
import formlab.pose.estimate.PoseEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.image.ImageDecodeException;
import formlab.model.Prediction;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;

/**
 * Posture from photos through landmarks: the PosePilot-trained landmark classifier
 * ({@link formlab.posture.YogaPoseModel}, trained on video landmarks) applied to landmarks
 * estimated from the yoga photo folders of the classes both datasets share. A cross-dataset test:
 * nothing from the photos was used in training.
 */
public final class ImagePostureEvaluation {

    /** Photo folder (images-yoga-5class) to PosePilot pose name, for the four shared classes. */
    public static final Map<String, String> SHARED_CLASSES = sharedClasses();

    /** Per-image outcome: file, true and predicted PosePilot label, whether a person was found, estimation time. */
    public record Row(Path file, String truth, String predicted, double confidence, boolean personFound, double millis) {
    }

    /** The evaluation and its rows (photos that could not be decoded are left out and counted). */
    public record Result(Evaluation evaluation, List<Row> rows, int unreadable) {
        /** Mean estimation time per image in milliseconds (detector + landmark model + decode-free). */
        public double meanMillis() {
            return rows.stream().mapToDouble(Row::millis).average().orElse(Double.NaN);
        }
    }

    private ImagePostureEvaluation() {
    }

    private static Map<String, String> sharedClasses() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Adho Mukha Svanasana", "downdog");
        m.put("UTKATA KONASANA", "goddess");
        m.put("VRIKSHASANA", "tree");
        m.put("VIRABHADRASANA", "warrior");
        return m;
    }

    /** Image files of a class folder in name order, at most {@code limit}. */
    public static List<Path> files(Path folder, int limit) {
        try (var stream = Files.list(folder)) {
            return stream.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().limit(limit).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the class folder", e);
        }
    }

    /** A photo's landmarks as a one-frame sequence labelled {@code truth}, as the sequence classifiers take them. */
    public static PoseSequence oneFrame(Path file, String truth, Pose pose) {
        SequenceInfo info = new SequenceInfo(file, KnownDataset.IMAGES_YOGA_5CLASS.folderName(), null, null, truth, 0);
        return new PoseSequence(info, List.of(new PoseFrame(0, truth, pose)));
    }

    /**
     * Estimates landmarks for up to {@code perClass} photos of each shared class under
     * {@code photoRoot} and classifies each as a one-frame sequence. Photos without a person found
     * still get the classifier's guess (their landmarks are whatever the model returned).
     */
    public static Result run(PoseEstimator estimator, PoseClassifier classifier, Path photoRoot, int perClass, Progress progress) {
        List<Row> rows = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        int unreadable = 0;
        List<Path> all = new ArrayList<>();
        for (String folder : SHARED_CLASSES.keySet()) {
            all.addAll(files(photoRoot.resolve(folder), perClass));
        }
        int done = 0;
        for (Path file : all) {
            String truth = SHARED_CLASSES.get(file.getParent().getFileName().toString());
            try {
                long start = System.nanoTime();
                LandmarkEstimate e = estimator.estimate(file);
                double ms = (System.nanoTime() - start) / 1e6;
                Prediction p = classifier.predictFrames(oneFrame(file, truth, e.pose())).getFirst();
                rows.add(new Row(file, truth, p.label(), p.confidence(), e.personFound(), ms));
                probabilities.add(p.probabilities());
            } catch (ImageDecodeException e) {
                unreadable++;
            }
            progress.step("pose from images", ++done, all.size(), file.getFileName().toString());
        }
        String[] truth = rows.stream().map(Row::truth).toArray(String[]::new);
        String[] predicted = rows.stream().map(Row::predicted).toArray(String[]::new);
        Evaluation evaluation = Evaluation.of(classifier.model().classes(), truth, predicted,
                probabilities.toArray(double[][]::new), null);
        return new Result(evaluation, List.copyOf(rows), unreadable);
    }

    /**
     * Trains the PosePilot classifier on the PosePilot landmarks (smoke: one camera) and evaluates
     * it on photos. Benchmark command, prints accuracy and ms per image:
     * {@code java -cp ... formlab.posture.ImagePostureEvaluation [perClass]} with
     * FORMLAB_DATA_DIR set and the models provisioned.
     */
    public static void main(String[] args) {
        int perClass = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        var data = formlab.pose.io.PoseDatasets.posePilot().orElseThrow(() -> new IllegalStateException("PosePilot data not found (FORMLAB_DATA_DIR)"));
        Path photos = formlab.data.KnownDataset.IMAGES_YOGA_5CLASS.path().orElseThrow(() -> new IllegalStateException(KnownDataset.IMAGES_YOGA_5CLASS.folderName() + " not found"));
        var extractor = formlab.posture.YogaPoseModel.extractor();
        var model = formlab.posture.YogaPoseModel.trainer(150, 42).fit(formlab.posture.YogaPoseModel.data(data.sequences(), extractor));
        try (PoseEstimator estimator = PoseEstimator.open()) {
            Result r = run(estimator, new PoseClassifier(model, extractor), photos, perClass, Progress.none());
            System.out.printf(java.util.Locale.ROOT, "photos=%d unreadable=%d accuracy=%.3f balancedAccuracy=%.3f macroF1=%.3f personFound=%d msPerImage=%.1f%n",
                    r.rows().size(), r.unreadable(), r.evaluation().accuracy(), r.evaluation().balancedAccuracy(),
                    r.evaluation().macroF1(), r.rows().stream().filter(Row::personFound).count(), r.meanMillis());
            System.out.println(r.evaluation().confusionMatrix());
        }
    }
}
