package formlab.pose.estimate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

import formlab.image.Letterbox;
import formlab.pose.Bone;
import formlab.pose.Joint;
import formlab.pose.Skeleton;
import formlab.pose.SkeletonRenderer;

/**
 * Draws estimated landmarks over their photo (scaled so the longer side is {@code maxSide}):
 * bones in {@link SkeletonRenderer}'s colours (person's left orange, right blue), joints whose
 * visibility is below 0.5 hollow, and the model's region as a thin yellow square.
 */
public final class PoseOverlay {

    private PoseOverlay() {
    }

    /** The photo with the estimate drawn on it. */
    public static BufferedImage draw(BufferedImage photo, LandmarkEstimate estimate, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(photo.getWidth(), photo.getHeight()));
        int w = Math.max(1, (int) Math.round(photo.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(photo.getHeight() * scale));
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.drawImage(Letterbox.resize(photo, w, h), 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float stroke = Math.max(2f, Math.min(w, h) / 120f);
            drawRoi(g, estimate.roi(), w / (double) estimate.width());
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Bone bone : Skeleton.BONES) {
                Point2D a = at(estimate, bone.from(), w, h);
                Point2D b = at(estimate, bone.to(), w, h);
                g.setColor(colour(bone.from().side() == Joint.Side.CENTRE ? bone.to() : bone.from()));
                g.draw(new Line2D.Double(a, b));
            }
            int r = Math.round(stroke * 1.3f);
            for (Joint joint : Joint.values()) {
                Point2D p = at(estimate, joint, w, h);
                g.setColor(colour(joint));
                if (estimate.pose().visibility(joint) >= 0.5) {
                    g.fillOval((int) p.getX() - r, (int) p.getY() - r, 2 * r, 2 * r);
                } else {
                    g.drawOval((int) p.getX() - r, (int) p.getY() - r, 2 * r, 2 * r);
                }
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static void drawRoi(Graphics2D g, Roi roi, double scale) {
        g.setColor(new Color(255, 220, 0));
        g.setStroke(new BasicStroke(1f));
        Roi shown = new Roi(roi.centreX() * scale, roi.centreY() * scale, roi.side() * scale, roi.angle());
        java.awt.geom.AffineTransform t = shown.cropToImage(1);
        g.draw(t.createTransformedShape(new java.awt.geom.Rectangle2D.Double(0, 0, 1, 1)));
    }

    private static Point2D at(LandmarkEstimate e, Joint joint, int w, int h) {
        return new Point2D.Double(e.pose().x(joint) * w, e.pose().y(joint) * h);
    }

    private static Color colour(Joint joint) {
        return switch (joint.side()) {
            case LEFT -> SkeletonRenderer.LEFT;
            case RIGHT -> SkeletonRenderer.RIGHT;
            case CENTRE -> SkeletonRenderer.CENTRE;
        };
    }

    /** Overlays of {@code files} (decoded by content) in a grid of {@code columns}, captioned with folder and pose score. */
    public static BufferedImage grid(PoseEstimator estimator, java.util.List<java.nio.file.Path> files, int columns, int cell) {
        formlab.image.ImageDecoder decoder = new formlab.image.ImageDecoder();
        java.util.List<formlab.image.ImageGrid.Tile> tiles = new java.util.ArrayList<>();
        for (java.nio.file.Path file : files) {
            BufferedImage photo = decoder.decode(file).image();
            LandmarkEstimate e = estimator.estimate(photo);
            String caption = file.getParent().getFileName() + String.format(java.util.Locale.ROOT, " %.2f", e.poseScore());
            tiles.add(formlab.image.ImageGrid.Tile.of(draw(photo, e, cell), caption));
        }
        return formlab.image.ImageGrid.render(tiles, columns, cell);
    }
}
