package formlab.pose;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws a pose as a stick figure on a {@link BufferedImage}, for notebooks and reports: bones
 * and joints of the person's left side in one colour, right side in another, centre in a third;
 * missing joints and the bones touching them are not drawn. Optional annotations: a title (for
 * example the predicted label and its confidence) and the value of chosen joint angles next to
 * their vertex.
 *
 * <p>The figure is fitted to the image (its bounding box scaled uniformly, y down) unless
 * {@link Options#keepImageFrame()} is set for a pose in normalised image coordinates, which then
 * keeps its place in the camera frame.
 */
public final class SkeletonRenderer {

    /** Colour of the person's left side. */
    public static final Color LEFT = new Color(0xE6, 0x7E, 0x22);
    /** Colour of the person's right side. */
    public static final Color RIGHT = new Color(0x29, 0x80, 0xB9);
    /** Colour of centre joints and bones across the body. */
    public static final Color CENTRE = new Color(0x55, 0x55, 0x55);
    /** Background colour. */
    public static final Color BACKGROUND = Color.WHITE;

    private static final int TITLE_BAND = 22;

    /**
     * How to draw.
     *
     * @param width          image width in pixels
     * @param height         image height in pixels
     * @param jointRadius    radius of a joint dot in pixels
     * @param title          text drawn at the top (e.g. "tree 0.97"), or null for none
     * @param angles         joint angles whose values are written next to their vertex
     * @param dimension      whether written angles are 2D or 3D
     * @param keepImageFrame for {@link CoordinateSpace#IMAGE_NORMALISED} poses: map the 0..1 image to the canvas
     *                       instead of fitting the figure
     */
    public record Options(int width, int height, int jointRadius, String title, List<JointAngle> angles,
                          PoseGeometry.Dimension dimension, boolean keepImageFrame) {

        public Options {
            if (width < 16 || height < 16) {
                throw new IllegalArgumentException("image must be at least 16 x 16 pixels, got " + width + " x " + height);
            }
            if (jointRadius < 1) {
                throw new IllegalArgumentException("jointRadius must be >= 1, got " + jointRadius);
            }
            angles = List.copyOf(angles);
            Objects.requireNonNull(dimension, "dimension");
        }

        /** A {@code width} x {@code height} figure, no annotations. */
        public static Options of(int width, int height) {
            return new Options(width, height, Math.max(2, Math.min(width, height) / 60), null, List.of(),
                    PoseGeometry.Dimension.TWO_D, false);
        }

        /** These options with a title. */
        public Options withTitle(String text) {
            return new Options(width, height, jointRadius, text, angles, dimension, keepImageFrame);
        }

        /** These options writing the given angles. */
        public Options withAngles(List<JointAngle> shown) {
            return new Options(width, height, jointRadius, title, shown, dimension, keepImageFrame);
        }

        /** These options keeping the camera frame for normalised image poses. */
        public Options inImageFrame() {
            return new Options(width, height, jointRadius, title, angles, dimension, true);
        }
    }

    private final Options options;

    /** A renderer with the given options. */
    public SkeletonRenderer(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Draws one pose with default options at {@code width} x {@code height}. */
    public static BufferedImage render(Pose pose, int width, int height) {
        return new SkeletonRenderer(Options.of(width, height)).render(pose);
    }

    /** Draws one pose. */
    public BufferedImage render(Pose pose) {
        BufferedImage image = new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, options.width(), options.height());
            draw(g, pose);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Where {@code joint} of {@code pose} is drawn, in pixels, or empty when the joint is missing. */
    public Optional<Point2D> pixel(Pose pose, Joint joint) {
        return projection(pose).flatMap(p -> p.apply(pose, joint));
    }

    private void draw(Graphics2D g, Pose pose) {
        Optional<Projection> maybe = projection(pose);
        float stroke = Math.max(1.5f, options.jointRadius() * 0.8f);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        if (maybe.isPresent()) {
            Projection projection = maybe.get();
            for (Bone bone : Skeleton.BONES) {
                Optional<Point2D> a = projection.apply(pose, bone.from());
                Optional<Point2D> b = projection.apply(pose, bone.to());
                if (a.isPresent() && b.isPresent()) {
                    g.setColor(colour(bone));
                    g.draw(new Line2D.Double(a.get(), b.get()));
                }
            }
            double r = options.jointRadius();
            for (Joint joint : Joint.values()) {
                Optional<Point2D> p = projection.apply(pose, joint);
                if (p.isPresent()) {
                    g.setColor(colour(joint.side()));
                    g.fill(new Ellipse2D.Double(p.get().getX() - r, p.get().getY() - r, 2 * r, 2 * r));
                }
            }
            drawAngles(g, pose, projection);
        }
        if (options.title() != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(options.title(), 5, 15);
        }
    }

    private void drawAngles(Graphics2D g, Pose pose, Projection projection) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (JointAngle angle : options.angles()) {
            double value = angle.of(pose, options.dimension());
            Optional<Point2D> at = projection.apply(pose, angle.vertex());
            if (Double.isFinite(value) && at.isPresent()) {
                g.setColor(Color.BLACK);
                int offset = angle.vertex().side() == Joint.Side.LEFT ? 6 : -34;
                g.drawString(String.format(Locale.ROOT, "%.0f°", value),
                        (float) at.get().getX() + offset, (float) at.get().getY() - 4);
            }
        }
    }

    private static Color colour(Joint.Side side) {
        return switch (side) {
            case LEFT -> LEFT;
            case RIGHT -> RIGHT;
            case CENTRE -> CENTRE;
        };
    }

    private static Color colour(Bone bone) {
        return bone.from().side() == bone.to().side() ? colour(bone.from().side()) : CENTRE;
    }

    /** Maps pose coordinates to pixels: pixel = offset + (coordinate - origin) * scale, per axis. */
    private record Projection(double scaleX, double scaleY, double offsetX, double offsetY, double originX, double originY) {
        Optional<Point2D> apply(Pose pose, Joint joint) {
            if (!pose.isPresent(joint)) {
                return Optional.empty();
            }
            return Optional.of(new Point2D.Double(offsetX + (pose.x(joint) - originX) * scaleX,
                    offsetY + (pose.y(joint) - originY) * scaleY));
        }
    }

    private Optional<Projection> projection(Pose pose) {
        if (pose.presentCount() == 0) {
            return Optional.empty();
        }
        int top = options.title() == null ? 0 : TITLE_BAND;
        if (options.keepImageFrame() && pose.space() == CoordinateSpace.IMAGE_NORMALISED) {
            // x and y get their own scales: MediaPipe divides each by its own image side
            return Optional.of(new Projection(options.width(), options.height() - top, 0, top, 0, 0));
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Joint joint : pose.presentJoints()) {
            xs.add(pose.x(joint));
            ys.add(pose.y(joint));
        }
        double minX = xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double maxX = xs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double minY = ys.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double maxY = ys.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double margin = Math.max(8, Math.min(options.width(), options.height()) * 0.08);
        double availableW = options.width() - 2 * margin;
        double availableH = options.height() - top - 2 * margin;
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        double scale = Math.min(availableW / spanX, availableH / spanY);
        if (pose.presentCount() == 1) {
            scale = 1;
        }
        double offsetX = options.width() / 2.0 - (maxX - minX) * scale / 2;
        double offsetY = top + margin + availableH / 2 - (maxY - minY) * scale / 2;
        return Optional.of(new Projection(scale, scale, offsetX, offsetY, minX, minY));
    }

    /**
     * Draws several poses side by side, {@code columns} per row, each in a
     * {@code cellWidth} x {@code cellHeight} cell with its title (titles may be null or shorter
     * than the list).
     */
    public static BufferedImage grid(List<Pose> poses, List<String> titles, int columns, int cellWidth, int cellHeight) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int rows = Math.max(1, (poses.size() + columns - 1) / columns);
        BufferedImage sheet = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < poses.size(); i++) {
                String title = titles != null && i < titles.size() ? titles.get(i) : null;
                BufferedImage cell = new SkeletonRenderer(Options.of(cellWidth, cellHeight).withTitle(title)).render(poses.get(i));
                g.drawImage(cell, (i % columns) * cellWidth, (i / columns) * cellHeight, null);
            }
            g.setColor(new Color(0xDD, 0xDD, 0xDD));
            for (int c = 1; c < columns; c++) {
                g.drawLine(c * cellWidth, 0, c * cellWidth, sheet.getHeight());
            }
            for (int r = 1; r < rows; r++) {
                g.drawLine(0, r * cellHeight, sheet.getWidth(), r * cellHeight);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }
}
