package formlab.model.cnn;

import formlab.image.PreparedImage;
import java.util.List;

/**
 * A CNN's predictions on labelled images: what the shared evaluation ({@code formlab.eval}) needs
 * (classes, true labels, probabilities, groups) plus the image paths, to show mistakes.
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
     * Fraction of arg-max predictions equal to the truth. Temporary: once {@code formlab.eval}
     * is merged, reported metrics come from its {@code Evaluation}; this stays only as the
     * sweep's selection score.
     */
    public double accuracy() {
        return truth.length == 0 ? Double.NaN : 1.0 - (double) mistakes().size() / truth.length;
    }
}
