package formlab.pose.estimate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;

/**
 * A square, possibly rotated, region of an image in pixels: the crop a pose model looks at.
 * {@code angle} (radians, clockwise on screen since y grows downwards) turns the crop so the person
 * stands upright in it, as MediaPipe does.
 *
 * @param centreX centre x in image pixels
 * @param centreY centre y in image pixels
 * @param side    side length in image pixels
 * @param angle   rotation of the crop in radians
 */
public record Roi(double centreX, double centreY, double side, double angle) {

    /** The un-rotated square that holds the whole image, centred (the letterbox of the image). */
    public static Roi wholeImage(int width, int height) {
        return new Roi(width / 2.0, height / 2.0, Math.max(width, height), 0);
    }

    /**
     * MediaPipe's person region from two alignment points: {@code centre} (hip centre) and
     * {@code scale} (a point whose distance to the centre is half the body's extent, towards the head).
     * The square is that circle's bounding box enlarged by {@code enlarge} (1.25 in MediaPipe).
     */
    public static Roi fromAlignment(Point2D centre, Point2D scale, double enlarge) {
        double dx = scale.getX() - centre.getX();
        double dy = scale.getY() - centre.getY();
        double angle = normalise(Math.PI / 2 - Math.atan2(-dy, dx));
        double side = 2 * Math.hypot(dx, dy) * enlarge;
        return new Roi(centre.getX(), centre.getY(), side, angle);
    }

    private static double normalise(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }

    /** The transform from crop pixels ({@code size} x {@code size}) to image pixels. */
    public AffineTransform cropToImage(int size) {
        AffineTransform t = new AffineTransform();
        t.translate(centreX, centreY);
        t.rotate(angle);
        t.scale(side / size, side / size);
        t.translate(-size / 2.0, -size / 2.0);
        return t;
    }

    /** Image point of crop point ({@code x}, {@code y}) for a crop of {@code size} pixels. */
    public Point2D toImage(double x, double y, int size) {
        return cropToImage(size).transform(new Point2D.Double(x, y), null);
    }

    /** The region resampled (bilinear) to {@code size} x {@code size}; outside the image is black, as in MediaPipe. */
    public BufferedImage crop(BufferedImage image, int size) {
        return crop(new formlab.image.Halvings(image), size);
    }

    /**
     * As {@link #crop(BufferedImage, int)}, on the image of {@code halvings}, whose halving steps it
     * takes (and adds to): crops of one photo share them, with the same pixels as {@link #crop(BufferedImage, int)}.
     */
    public BufferedImage crop(formlab.image.Halvings halvings, int size) {
        BufferedImage image = halvings.given();
        // Big reductions go through Letterbox's halving steps first so thin limbs do not alias away.
        int shrink = 1;
        while (side / (shrink * 2) >= size && image.getWidth() / (shrink * 2) >= 8 && image.getHeight() / (shrink * 2) >= 8) {
            shrink *= 2;
        }
        if (shrink > 1) {
            BufferedImage smaller = formlab.image.Letterbox.resize(halvings, image.getWidth() / shrink, image.getHeight() / shrink);
            double fx = (double) smaller.getWidth() / image.getWidth();
            double fy = (double) smaller.getHeight() / image.getHeight();
            return new Roi(centreX * fx, centreY * fy, side * fx, angle).cropExact(smaller, size);
        }
        return cropExact(image, size);
    }

    private BufferedImage cropExact(BufferedImage image, int size) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, size, size);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform imageToCrop;
            try {
                imageToCrop = cropToImage(size).createInverse();
            } catch (java.awt.geom.NoninvertibleTransformException e) {
                throw new IllegalStateException("Region of side " + side + " cannot be cropped", e);
            }
            g.drawImage(image, imageToCrop, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** RGB values of a square image as a 1 x size x size x 3 float tensor, mapped from [0, 255] to [low, high]. */
    static float[] tensor(BufferedImage square, float low, float high) {
        int size = square.getWidth();
        int[] rgb = square.getRGB(0, 0, size, size, null, 0, size);
        float[] values = new float[rgb.length * 3];
        float scale = (high - low) / 255f;
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            values[3 * i] = ((p >> 16) & 0xFF) * scale + low;
            values[3 * i + 1] = ((p >> 8) & 0xFF) * scale + low;
            values[3 * i + 2] = (p & 0xFF) * scale + low;
        }
        return values;
    }
}
