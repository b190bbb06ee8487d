package formlab.posture;

import formlab.eval.Evaluation;
import formlab.eval.Progress;
import formlab.features.pose.PoseFeatureExtractor;
import formlab.image.ImageFolderScan;
import formlab.image.ManifestEntry;
import formlab.image.Split;
import formlab.image.SplitManifest;
import formlab.model.Classifier;
import formlab.model.LabelledData;
import formlab.pose.Joint;
import formlab.pose.Pose;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A landmark classifier trained on the photos themselves: the landmarks of every photo of a split
 * manifest (cached by content, {@link PhotoLandmarks}), turned into per-frame pose features
 * (angles, distances, normalised positions, and by default the mirror-invariant stance features, in
 * square pixels: {@link PhotoPoseFeatures}), and a seeded
 * random forest ({@link YogaPoseModel#trainer}) fitted on the training split's photos in which a
 * person was found. The split is the CNN's own manifest, so the two routes see the same photos.
 *
 * <p>Validation and test photos are all classified (a photo without a person still gets the
 * forest's guess from whatever landmarks came back); the evaluations' groups say which photos
 * showed a person ({@value #PERSON} / {@value #NO_PERSON}), for a combination that falls back to
 * the CNN there.
 */
public final class PhotoLandmarkModel {

    /** Group of a photo in which a person was found. */
    public static final String PERSON = "person found";
    /** Group of a photo in which no person was found. */
    public static final String NO_PERSON = "no person";

    private PhotoLandmarkModel() {
    }

    /**
     * What training and evaluation gave.
     *
     * @param classifier   the forest with its feature extractor
     * @param trainPhotos  training photos used (person found)
     * @param trainSkipped training photos left out (no person found)
     * @param evaluations  validation and test evaluation, groups {@value #PERSON} / {@value #NO_PERSON}
     * @param mirror       true when the forest also learned from mirror images and answers with the mean of both
     * @param features     how landmarks became features (the classifier's extractor is {@code features.extractor()})
     */
    public record Result(PoseClassifier classifier, int trainPhotos, int trainSkipped, Map<Split, Evaluation> evaluations,
                         boolean mirror, PhotoPoseFeatures features) {

        /**
         * The forest's class probabilities for {@code pose}, the landmarks of a {@code width} x
         * {@code height} photo (in the forest's class order): with {@link #mirror()}, the mean of the
         * pose's and its mirror image's.
         */
        public double[] probabilities(Pose pose, int width, int height) {
            Classifier forest = classifier.model();
            Pose prepared = features.prepare(pose, width, height);
            double[] p = forest.probabilities(classifier.extractor().frame(prepared));
            if (!mirror) {
                return p;
            }
            double[] q = forest.probabilities(classifier.extractor().frame(mirrored(prepared)));
            double[] mean = new double[p.length];
            for (int c = 0; c < p.length; c++) {
                mean[c] = (p[c] + q[c]) / 2;
            }
            return mean;
        }

        /** One line per evaluated split: accuracy, balanced accuracy, share with a person, accuracy there. */
        public String summary() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "landmark forest (%s) on %d training photos (%d without a person left out)%s%n",
                    features.describe(), trainPhotos, trainSkipped, mirror ? " and their mirror images; answers average each photo and its mirror image" : ""));
            evaluations.forEach((split, e) -> {
                long person = java.util.Arrays.stream(e.groups().orElseThrow()).filter(PERSON::equals).count();
                b.append(String.format(Locale.ROOT, "  %-10s %3d photos: accuracy %.3f, balanced %.3f; person found in %d, accuracy there %.3f%n",
                        split.key(), e.size(), e.accuracy(), e.balancedAccuracy(), person,
                        e.groupAccuracies().getOrDefault(PERSON, Double.NaN)));
            });
            return b.toString();
        }
    }

    /**
     * Estimates (or reads from {@code landmarks}) every photo of {@code manifest} under
     * {@code scan}'s root, trains on the training split ({@link PhotoPoseFeatures#DEFAULT}, no
     * mirror images) and evaluates validation and test. Saves the cache when a photo was estimated.
     *
     * @param estimator may be null when every photo is cached
     */
    public static Result trainAndEvaluate(ImageFolderScan scan, SplitManifest manifest, PhotoLandmarks landmarks,
                                          PhotoLandmarks.Estimator estimator, int trees, long seed, Progress progress) {
        return trainAndEvaluate(scan, manifest, landmarks, estimator, trees, seed, PhotoPoseFeatures.DEFAULT, false, progress);
    }

    /**
     * As {@link #trainAndEvaluate(ImageFolderScan, SplitManifest, PhotoLandmarks, PhotoLandmarks.Estimator, int, long, Progress)}
     * with the given {@code photoFeatures}; with {@code mirror}, the forest also learns from the mirror
     * image of every training pose ({@link #mirrored}: a warrior facing left is still a warrior) and
     * answers with the mean of a pose's and its mirror image's probabilities, as the CNN does with images.
     */
    public static Result trainAndEvaluate(ImageFolderScan scan, SplitManifest manifest, PhotoLandmarks landmarks,
                                          PhotoLandmarks.Estimator estimator, int trees, long seed, PhotoPoseFeatures photoFeatures,
                                          boolean mirror, Progress progress) {
        PoseFeatureExtractor extractor = photoFeatures.extractor();
        Map<Split, List<Row>> rows = new EnumMap<>(Split.class);
        int done = 0;
        try {
            for (ManifestEntry entry : manifest.entries()) {
                PhotoLandmarks.Landmarks lm = landmarks.get(scan.resolve(entry.path()), estimator);
                if (!lm.sha256().equals(entry.sha256())) {
                    throw new IllegalStateException(entry.path() + " has changed since the split manifest was made (sha256 differs)");
                }
                rows.computeIfAbsent(entry.split(), s -> new ArrayList<>()).add(new Row(entry, lm, extractor.frame(prepared(photoFeatures, lm))));
                progress.step("photo landmarks", ++done, manifest.entries().size(), entry.path());
            }
        } finally {
            if (landmarks.estimated() > 0) {
                landmarks.save();
            }
        }
        List<Row> train = rows.getOrDefault(Split.TRAIN, List.of()).stream().filter(r -> r.landmarks().personFound()).toList();
        int skipped = rows.getOrDefault(Split.TRAIN, List.of()).size() - train.size();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training photo shows a person: nothing to train the landmark forest on");
        }
        List<double[]> features = new ArrayList<>(train.stream().map(Row::features).toList());
        List<String> labels = new ArrayList<>(train.stream().map(r -> r.entry().label()).toList());
        List<String> trainGroups = new ArrayList<>(train.stream().map(r -> r.entry().group()).toList());
        if (mirror) {
            for (Row r : train) {
                features.add(extractor.frame(mirrored(prepared(photoFeatures, r.landmarks()))));
                labels.add(r.entry().label());
                trainGroups.add(r.entry().group());
            }
        }
        LabelledData data = LabelledData.of("photo landmarks (train)", extractor.names(), features.toArray(double[][]::new),
                labels.toArray(String[]::new), trainGroups.toArray(String[]::new));
        Classifier forest = YogaPoseModel.trainer(trees, seed).fit(data);
        Result answering = new Result(new PoseClassifier(forest, extractor), train.size(), skipped, Map.of(), mirror, photoFeatures);
        Map<Split, Evaluation> evaluations = new EnumMap<>(Split.class);
        for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
            List<Row> photos = rows.getOrDefault(split, List.of());
            if (photos.isEmpty()) {
                continue;
            }
            String[] truth = photos.stream().map(r -> r.entry().label()).toArray(String[]::new);
            double[][] probabilities = photos.stream().map(r -> answering.probabilities(r.landmarks().pose(), r.landmarks().width(),
                    r.landmarks().height())).toArray(double[][]::new);
            String[] predicted = new String[photos.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = mirror ? formlab.model.Prediction.of(forest.classes(), probabilities[i]).label()
                        : forest.predict(photos.get(i).features()).label();
            }
            String[] groups = photos.stream().map(r -> r.landmarks().personFound() ? PERSON : NO_PERSON).toArray(String[]::new);
            evaluations.put(split, Evaluation.of(forest.classes(), truth, predicted, probabilities, groups));
        }
        return new Result(answering.classifier(), train.size(), skipped, evaluations, mirror, photoFeatures);
    }

    /**
     * The landmarks of the mirror image of a photo: x becomes 1 - x (image-normalised) and each
     * left joint takes its right twin's place and the other way round; depth and visibility move
     * with their joint.
     */
    public static Pose mirrored(Pose pose) {
        Pose.Builder out = Pose.builder(pose.space(), pose.hasDepth());
        for (Joint joint : Joint.values()) {
            Joint twin = joint.mirror();
            if (pose.isPresent(twin)) {
                out.set(joint, 1 - pose.x(twin), pose.y(twin), pose.z(twin), pose.visibility(twin));
            } else {
                out.missing(joint);
            }
        }
        return out.build();
    }

    private static Pose prepared(PhotoPoseFeatures features, PhotoLandmarks.Landmarks landmarks) {
        return features.prepare(landmarks.pose(), landmarks.width(), landmarks.height());
    }

    private record Row(ManifestEntry entry, PhotoLandmarks.Landmarks landmarks, double[] features) {
    }
}
