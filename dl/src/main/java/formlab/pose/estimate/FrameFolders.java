package formlab.pose.estimate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import formlab.image.ImageDecodeException;
import formlab.pose.io.LandmarkRead;
import formlab.pose.io.PosePilotReader;

/**
 * Video frames to a landmark file: a folder of frame images (sorted by file name, e.g. the output of
 * {@code ffmpeg -i video.mp4 frames/%05d.png}) becomes one PosePilot-layout CSV, so the sequence
 * models of {@link formlab.posture} and the rep counters of {@link formlab.pose.reps} can run
 * on it. Frames where no person is found repeat the previous frame's landmarks (with the first
 * found pose used before any was found), because the readers expect every joint in every row;
 * frames that cannot be decoded are skipped and counted.
 */
public final class FrameFolders {

    /**
     * What a folder or video gave.
     *
     * @param csv           the landmark file written
     * @param frames        rows written (one per readable frame)
     * @param withoutPerson rows whose frame showed no person (filled from a neighbouring frame)
     * @param unreadable    frames that could not be decoded (no row)
     */
    public record Result(Path csv, int frames, int withoutPerson, int unreadable) {
    }

    private FrameFolders() {
    }

    /** Image files of {@code folder} in name order (by extension; content is checked when decoding). */
    public static List<Path> frames(Path folder) {
        try (var stream = Files.list(folder)) {
            return stream.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|bmp|gif|webp)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the frame folder", e);
        }
    }

    /**
     * Estimates every frame of {@code folder} and writes {@code csv} (atomically) with every row
     * labelled {@code label}.
     *
     * @throws IllegalArgumentException when no frame shows a person
     */
    public static Result toCsv(PoseEstimator estimator, Path folder, Path csv, String label) {
        LandmarkTrack track = new LandmarkTrack();
        for (Path frame : frames(folder)) {
            try {
                track.add(estimator.estimate(frame));
            } catch (ImageDecodeException e) {
                track.unreadable();
            }
        }
        return track.write(folder, csv, label);
    }

    /** Reads a CSV written by {@link #toCsv} back as a pose sequence. */
    public static LandmarkRead read(Path csv) {
        return new PosePilotReader().read(csv);
    }

}
