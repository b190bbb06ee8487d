package formlab.cnn;

/**
 * What one training epoch achieved.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean cross-entropy over the epoch's (augmented) training batches
 * @param trainAccuracy      accuracy over the same batches, measured while training
 * @param validationLoss     mean cross-entropy on the validation split (no augmentation)
 * @param validationAccuracy accuracy on the validation split
 * @param trainSeconds       wall-clock seconds of the training pass alone (for throughput)
 * @param seconds            wall-clock seconds of the epoch, validation included
 * @param best               true when this epoch is the best so far (it becomes the checkpoint)
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double trainSeconds, double seconds, boolean best) {

    /** One line for a terminal or notebook: epoch, losses, accuracies, seconds and a best-so-far mark. */
    public String line(int maxEpochs) {
        return String.format(java.util.Locale.ROOT, "epoch %3d/%-3d  train loss %.3f  train acc %.3f  val loss %.3f  val acc %.3f  %5.1f s%s",
                epoch, maxEpochs, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds, best ? "  *best" : "");
    }
}
