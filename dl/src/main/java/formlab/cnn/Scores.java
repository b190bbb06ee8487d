package formlab.cnn;

import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/**
 * Loss and accuracy of a network on a dataset, for early stopping. This is training
 * book-keeping, not evaluation: reported metrics come from the shared evaluation on the test split.
 *
 * @param loss     mean softmax cross-entropy
 * @param accuracy fraction of arg-max predictions equal to the label
 */
record Scores(double loss, double accuracy) {

    /** Scores the trainer's network (inference mode, no augmentation) on every image of {@code dataset}. */
    static Scores of(Trainer trainer, ImageSplitDataset dataset) throws IOException, TranslateException {
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        for (Batch batch : trainer.iterateDataset(dataset)) {
            try (batch) {
                float[] logits = trainer.evaluate(batch.getData()).singletonOrThrow().toFloatArray();
                float[] labels = batch.getLabels().singletonOrThrow().toFloatArray();
                int classes = logits.length / labels.length;
                for (int i = 0; i < labels.length; i++) {
                    lossSum -= logSoftmax(logits, i * classes, classes, (int) labels[i]);
                }
                correct += correct(logits, labels);
                seen += labels.length;
            }
        }
        return new Scores(lossSum / seen, (double) correct / seen);
    }

    /** Rows of {@code logits} (row-major, one row per label) whose arg-max equals the label. */
    static long correct(float[] logits, float[] labels) {
        int classes = logits.length / labels.length;
        long correct = 0;
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            correct += best == (int) labels[i] ? 1 : 0;
        }
        return correct;
    }

    private static double logSoftmax(float[] logits, int offset, int classes, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[offset + c] - max);
        }
        return logits[offset + label] - max - Math.log(sum);
    }
}
