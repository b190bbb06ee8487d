package formlab.pose.estimate;

import formlab.image.ImageGrid;
import formlab.pose.Joint;
import formlab.pose.Mannequin;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Pose estimation checked against known answers: frames of a landmark file are drawn as
 * {@link Mannequin} figures, the {@link PoseEstimator} runs on the drawings, and its landmarks are
 * compared with the ones each figure was drawn from. It needs no photos, so it runs on a fresh clone
 * (on the MIT exercise-correction sample). The error of a frame is the mean distance, over the
 * {@link Mannequin#REQUIRED} joints, between estimated and drawn position, in torso lengths
 * (shoulder centre to hip centre of the drawn pose). The figures are drawings: the numbers say
 * whether the estimator and its wiring work, not how well it does on photos.
 *
 * @param source where the frames came from (the sequence's id)
 * @param frames one result per drawn frame, in frame order
 */
public record MannequinCheck(String source, List<Frame> frames) {

    /**
     * One drawn frame.
     *
     * @param index    the frame's index in its landmark file
     * @param label    the frame's label in the file (e.g. squat phase), or empty
     * @param drawing  the figure the estimator saw
     * @param estimate what the estimator found
     * @param error    mean landmark error in torso lengths; NaN when no person was found
     */
    public record Frame(int index, String label, BufferedImage drawing, LandmarkEstimate estimate, double error) {
    }

    public MannequinCheck {
        frames = List.copyOf(frames);
    }

    /**
     * Draws {@code count} frames spread evenly over {@code sequence} on {@code size} px squares and
     * estimates the pose on each.
     */
    public static MannequinCheck run(PoseEstimator estimator, PoseSequence sequence, int count, int size) {
        if (count < 1 || sequence.size() == 0) {
            throw new IllegalArgumentException("need at least one frame to draw; got count " + count + " of " + sequence.size() + " frames");
        }
        int n = Math.min(count, sequence.size());
        List<Frame> frames = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PoseFrame frame = sequence.frames().get((int) ((long) i * sequence.size() / n));
            BufferedImage drawing = Mannequin.draw(frame.pose(), size);
            LandmarkEstimate estimate = estimator.estimate(drawing);
            double error = estimate.personFound() ? error(frame.pose(), estimate, size) : Double.NaN;
            frames.add(new Frame(frame.index(), frame.label() == null ? "" : frame.label(), drawing, estimate, error));
        }
        return new MannequinCheck(sequence.info().id(), frames);
    }

    /** Mean distance between estimated and drawn joints, in torso lengths of the drawn pose. */
    static double error(Pose drawn, LandmarkEstimate estimate, int size) {
        Point2D shoulders = new Point2D.Double((drawn.x(Joint.LEFT_SHOULDER) + drawn.x(Joint.RIGHT_SHOULDER)) / 2 * size,
                (drawn.y(Joint.LEFT_SHOULDER) + drawn.y(Joint.RIGHT_SHOULDER)) / 2 * size);
        Point2D hips = new Point2D.Double((drawn.x(Joint.LEFT_HIP) + drawn.x(Joint.RIGHT_HIP)) / 2 * size,
                (drawn.y(Joint.LEFT_HIP) + drawn.y(Joint.RIGHT_HIP)) / 2 * size);
        double torso = shoulders.distance(hips);
        double sum = 0;
        for (Joint joint : Mannequin.REQUIRED) {
            sum += estimate.pixel(joint).distance(drawn.x(joint) * size, drawn.y(joint) * size);
        }
        return sum / Mannequin.REQUIRED.size() / torso;
    }

    /** Frames where the estimator found a person. */
    public long found() {
        return frames.stream().filter(f -> f.estimate().personFound()).count();
    }

    /** Mean landmark error over the frames with a person found, in torso lengths; NaN when there are none. */
    public double meanError() {
        return frames.stream().mapToDouble(Frame::error).filter(e -> !Double.isNaN(e)).average().orElse(Double.NaN);
    }

    /** One line: figures, person found, mean error. */
    public String summary() {
        return String.format(Locale.ROOT, "%d figures drawn from %s: a person found in %d, landmarks off by %.2f torso lengths on average (%d joints)",
                frames.size(), source, found(), meanError(), Mannequin.REQUIRED.size());
    }

    /** One row per drawn frame: frame, label, person found, found by the detector, pose score, error. */
    public Table table() {
        return Table.create("Pose estimation on figures drawn from " + source,
                IntColumn.create("frame", frames.stream().mapToInt(Frame::index).toArray()),
                StringColumn.create("label", frames.stream().map(Frame::label).toList()),
                BooleanColumn.create("person found", frames.stream().map(f -> f.estimate().personFound()).toList()),
                BooleanColumn.create("by the detector", frames.stream().map(f -> f.estimate().detected()).toList()),
                DoubleColumn.create("pose score", frames.stream().mapToDouble(f -> round(f.estimate().poseScore())).toArray()),
                DoubleColumn.create("error (torso lengths)", frames.stream().mapToDouble(f -> round(f.error())).toArray()));
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }

    /** The drawings with the estimated skeletons, {@code columns} per row; frames without a person captioned in red. */
    public BufferedImage grid(int columns, int cell) {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (Frame f : frames) {
            String detail = f.estimate().personFound() ? String.format(Locale.ROOT, "error %.2f", f.error()) : "no person found";
            tiles.add(new ImageGrid.Tile(PoseOverlay.draw(f.drawing(), f.estimate(), cell),
                    "frame " + f.index() + (f.label().isEmpty() ? "" : " " + f.label()), detail, !f.estimate().personFound()));
        }
        return ImageGrid.render(tiles, columns, cell);
    }
}
