package formlab.pose.io;

import java.util.List;

/**
 * One landmark sequence of a described dataset: frames x landmarks x coordinates, with the labels
 * its description gives it.
 *
 * @param id          the recording's identity (its path groups, as {@code formlab dataset check} shows it)
 * @param file        the recording file, relative to the dataset folder
 * @param subject     the subject (person) who recorded it
 * @param label       its class
 * @param frames      frames x landmarks x coordinates; a frame of all zeros or NaN means "no person found"
 * @param coordinates the coordinate names ({@code x, y} or {@code x, y, z})
 * @param repetitions annotated repetitions as [first, last] frame; empty when none are annotated
 */
public record DescribedPose(String id, String file, String subject, String label, double[][][] frames,
        List<String> coordinates, List<double[]> repetitions) {

    /** Compact constructor: copies the lists. */
    public DescribedPose {
        coordinates = List.copyOf(coordinates);
        repetitions = List.copyOf(repetitions);
    }

    /** Number of frames. */
    public int length() {
        return frames.length;
    }

    /** True when frame {@code index} holds a person: some coordinate is finite and not zero. */
    public boolean detected(int index) {
        return hasPerson(frames[index]);
    }

    /** True when {@code frame} (landmarks x coordinates) holds a person: some coordinate is finite and not zero. */
    public static boolean hasPerson(double[][] frame) {
        for (double[] landmark : frame) {
            for (double value : landmark) {
                if (Double.isFinite(value) && value != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id + " (" + label + ", subject " + subject + ", " + frames.length + " frames)";
    }
}
