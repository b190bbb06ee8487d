package formlab.posture;

import java.util.Map;
import java.util.Objects;

/**
 * The verdict on one whole sequence (video, file): the label most of its frames were given.
 *
 * @param sequence        the sequence id (e.g. {@code tree/cam_1/P2}, or a file name)
 * @param label           the winning label (majority vote over frames)
 * @param confidence      share of frames that voted for it (0..1)
 * @param meanProbability mean over all frames of the probability given to the winning label
 * @param frames          frames that voted
 * @param votes           frames per predicted label
 */
public record SequenceScore(String sequence, String label, double confidence, double meanProbability, int frames,
                            Map<String, Integer> votes) {

    public SequenceScore {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(label, "label");
        votes = Map.copyOf(votes);
    }
}
