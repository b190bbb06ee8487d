package formlab.cnn;

import formlab.eval.Evaluation;
import formlab.image.ImageGrid;
import formlab.image.PreparedImage;
import formlab.image.PreparedImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;

/**
 * A CNN's predictions on labelled images: what the shared evaluation ({@link Evaluation}) needs
 * (classes, true labels, probabilities) plus the image paths and groups, to show mistakes.
 *
 * @param classes       class names, in probability order
 * @param paths         image paths relative to the dataset root
 * @param truth         true class per image
 * @param probabilities class probabilities per image
 * @param groups        near-duplicate group per image (from the split manifest)
 */
public record ImagePredictions(List<String> classes, List<String> paths, String[] truth, double[][] probabilities,
                               String[] groups) {

    /** Predictions for prepared images and the model's probabilities for them, in the same order. */
    public static ImagePredictions of(List<String> classes, List<PreparedImage> images, List<double[]> probabilities) {
        return new ImagePredictions(List.copyOf(classes), images.stream().map(i -> i.entry().path()).toList(),
                images.stream().map(i -> i.entry().label()).toArray(String[]::new),
                probabilities.toArray(double[][]::new),
                images.stream().map(i -> i.entry().group()).toArray(String[]::new));
    }

    /** Number of images. */
    public int size() {
        return truth.length;
    }

    /** The arg-max class per image. */
    public String[] predicted() {
        String[] predicted = new String[truth.length];
        for (int i = 0; i < truth.length; i++) {
            int best = 0;
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            predicted[i] = classes.get(best);
        }
        return predicted;
    }

    /** Indices of the images whose arg-max class is not the true class. */
    public List<Integer> mistakes() {
        String[] predicted = predicted();
        return java.util.stream.IntStream.range(0, truth.length).filter(i -> !predicted[i].equals(truth[i])).boxed().toList();
    }

    /**
     * The shared evaluation of these predictions (accuracy, per-class precision/recall/F1,
     * confusion matrix, calibration). Groups are left out: near-duplicate groups are mostly single
     * images, so per-group accuracy would say nothing; they are kept in {@link #groups()} for inspection.
     */
    public Evaluation evaluation() {
        return Evaluation.ofProbabilities(classes, truth, probabilities, null);
    }

    /**
     * The misclassified images, most confident mistakes first (the most telling ones), at most
     * {@code max}, each captioned with its true class and the predicted class with its probability.
     */
    public BufferedImage mistakesGrid(PreparedImages data, int max, int columns) {
        Map<String, PreparedImage> byPath = new HashMap<>();
        data.images().forEach(image -> byPath.put(image.entry().path(), image));
        String[] predicted = predicted();
        List<Integer> wrong = new ArrayList<>(mistakes());
        wrong.sort(Comparator.comparingDouble(i -> -confidence(i)));
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i : wrong.subList(0, Math.min(max, wrong.size()))) {
            PreparedImage image = byPath.get(paths.get(i));
            tiles.add(new ImageGrid.Tile(image.source(), "true: " + truth[i],
                    String.format(Locale.ROOT, "pred: %s %.2f", predicted[i], confidence(i)), true));
        }
        return ImageGrid.render(tiles, columns, 128);
    }

    private double confidence(int i) {
        return Arrays.stream(probabilities[i]).max().orElse(0);
    }
}
