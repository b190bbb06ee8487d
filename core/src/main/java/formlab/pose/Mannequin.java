package formlab.pose;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a plain person-like figure (head with eyes, shirt, trousers, bare arms) from a pose's
 * landmarks, as a stand-in photo when no real photos are available (a fresh clone without
 * {@code FORMLAB_DATA_DIR}). A pose estimator run on the drawing can be checked against the
 * landmarks it was drawn from, which a photo cannot offer. It is a drawing: how well an estimator
 * does on it says little about photos.
 *
 * <p>The pose must be in {@link CoordinateSpace#IMAGE_NORMALISED} with the nose, both shoulders,
 * hips, knees and ankles (the nine joints of the exercise-correction files). Elbows and wrists are
 * drawn where present; otherwise the arms reach forward, in the direction the nose is from the hips.
 */
public final class Mannequin {

    /** The joints a pose needs to be drawn. */
    public static final List<Joint> REQUIRED = List.of(Joint.NOSE, Joint.LEFT_SHOULDER, Joint.RIGHT_SHOULDER,
            Joint.LEFT_HIP, Joint.RIGHT_HIP, Joint.LEFT_KNEE, Joint.RIGHT_KNEE, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE);

    private static final Joint[][] LEGS = {{Joint.LEFT_HIP, Joint.LEFT_KNEE, Joint.LEFT_ANKLE},
        {Joint.RIGHT_HIP, Joint.RIGHT_KNEE, Joint.RIGHT_ANKLE}};
    private static final Joint[][] ARMS = {{Joint.LEFT_SHOULDER, Joint.LEFT_ELBOW, Joint.LEFT_WRIST},
        {Joint.RIGHT_SHOULDER, Joint.RIGHT_ELBOW, Joint.RIGHT_WRIST}};

    private static final Color BACKGROUND = new Color(225, 230, 235);
    private static final Color SKIN = new Color(224, 172, 105);
    private static final Color SHIRT = new Color(200, 60, 60);
    private static final Color TROUSERS = new Color(40, 50, 110);
    private static final Color EYES = new Color(60, 60, 60);

    private Mannequin() {
    }

    /**
     * The figure of {@code pose} on a {@code size} x {@code size} image: landmark (x, y) is drawn at
     * pixel (x * size, y * size).
     *
     * @throws IllegalArgumentException when the pose is not image-normalised or lacks a required joint
     */
    public static BufferedImage draw(Pose pose, int size) {
        if (pose.space() != CoordinateSpace.IMAGE_NORMALISED) {
            throw new IllegalArgumentException("a mannequin is drawn from image-normalised landmarks, got " + pose.space());
        }
        List<Joint> missing = REQUIRED.stream().filter(j -> !pose.isPresent(j)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("a mannequin needs the joints " + REQUIRED + "; missing " + missing);
        }
        if (size < 32) {
            throw new IllegalArgumentException("image size must be at least 32 px, got " + size);
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, size, size);
            Point2D shoulders = mid(at(pose, Joint.LEFT_SHOULDER, size), at(pose, Joint.RIGHT_SHOULDER, size));
            Point2D hips = mid(at(pose, Joint.LEFT_HIP, size), at(pose, Joint.RIGHT_HIP, size));
            double torso = Math.max(4, shoulders.distance(hips));
            g.setStroke(new BasicStroke((float) (0.28 * torso), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(TROUSERS);
            for (Joint[] leg : LEGS) {
                g.draw(polyline(List.of(at(pose, leg[0], size), at(pose, leg[1], size), at(pose, leg[2], size)), false));
            }
            g.setColor(SHIRT);
            Path2D body = polyline(List.of(at(pose, Joint.LEFT_SHOULDER, size), at(pose, Joint.RIGHT_SHOULDER, size),
                    at(pose, Joint.RIGHT_HIP, size), at(pose, Joint.LEFT_HIP, size)), true);
            g.fill(body);
            g.draw(body);
            g.setColor(SKIN);
            Point2D nose = at(pose, Joint.NOSE, size);
            double facing = Math.signum(nose.getX() - hips.getX());
            for (Joint[] arm : ARMS) {
                g.draw(polyline(arm(pose, arm, size, torso, facing == 0 ? 1 : facing), false));
            }
            g.draw(new Line2D.Double(shoulders, nose));
            double r = 0.28 * torso;
            g.fill(new Ellipse2D.Double(nose.getX() - r, nose.getY() - 1.2 * r, 2 * r, 2.4 * r));
            g.setColor(EYES);
            g.fill(new Ellipse2D.Double(nose.getX() - 0.5 * r, nose.getY() - 0.5 * r, 0.25 * r, 0.25 * r));
            g.fill(new Ellipse2D.Double(nose.getX() + 0.25 * r, nose.getY() - 0.5 * r, 0.25 * r, 0.25 * r));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One drawing per frame of {@code sequence}, in frame order. */
    public static List<BufferedImage> draw(PoseSequence sequence, int size) {
        List<BufferedImage> images = new ArrayList<>(sequence.size());
        for (PoseFrame frame : sequence.frames()) {
            images.add(draw(frame.pose(), size));
        }
        return images;
    }

    /** Shoulder, elbow, wrist of one arm: the drawn arm when elbow and wrist are present, else one reaching forward. */
    private static List<Point2D> arm(Pose pose, Joint[] arm, int size, double torso, double facing) {
        Point2D shoulder = at(pose, arm[0], size);
        if (pose.isPresent(arm[1]) && pose.isPresent(arm[2])) {
            return List.of(shoulder, at(pose, arm[1], size), at(pose, arm[2], size));
        }
        return List.of(shoulder, new Point2D.Double(shoulder.getX() + facing * 0.9 * torso, shoulder.getY() + 0.1 * torso));
    }

    private static Point2D at(Pose pose, Joint joint, int size) {
        return new Point2D.Double(pose.x(joint) * size, pose.y(joint) * size);
    }

    private static Point2D mid(Point2D a, Point2D b) {
        return new Point2D.Double((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2);
    }

    private static Path2D polyline(List<Point2D> points, boolean closed) {
        Path2D path = new Path2D.Double();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        for (Point2D p : points.subList(1, points.size())) {
            path.lineTo(p.getX(), p.getY());
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }
}
