package formlab.imu.plot;

import formlab.imu.signal.Window;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws an IMU window as a picture a person can label: the accelerometer axes (g) above the
 * gyroscope axes (deg/s) against time, x red, y green, z blue, with a title. Label Studio shows
 * images, not interactive plots, hence plain Java2D here ({@link ImuPlots} draws
 * the interactive plotly figures of the notebooks).
 */
public final class WindowPicture {

    private static final Color[] AXES = {new Color(0xD6, 0x27, 0x28), new Color(0x2C, 0xA0, 0x2C), new Color(0x1F, 0x77, 0xB4)};
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 30;

    private WindowPicture() {
    }

    /** The window as a {@code width} x {@code height} picture titled {@code title}. */
    public static BufferedImage draw(Window window, String title, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(title, 8, 18);
            int panel = (height - TOP - 24) / 2;
            panel(g, window, List.of("acc_x", "acc_y", "acc_z"), "g", TOP, panel, width);
            panel(g, window, List.of("gyr_x", "gyr_y", "gyr_z"), "deg/s", TOP + panel + 8, panel, width);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f s, %.1f Hz   x red, y green, z blue", window.seconds(), window.rateHz()),
                    LEFT, height - 6);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void panel(Graphics2D g, Window window, List<String> channels, String unit, int top, int height, int width) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (String c : channels) {
            if (!window.names().contains(c)) {
                continue;
            }
            for (double v : window.channel(c)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        int plotWidth = width - LEFT - RIGHT;
        g.setColor(new Color(0xF4, 0xF4, 0xF4));
        g.fillRect(LEFT, top, plotWidth, height);
        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        if (!(low <= high)) {
            g.drawString("no " + channels, LEFT + 6, top + 14);
            return;
        }
        if (high - low < 1e-9) {
            high += 0.5;
            low -= 0.5;
        }
        g.drawString(String.format(Locale.ROOT, "%.2f", high), 4, top + 10);
        g.drawString(String.format(Locale.ROOT, "%.2f", low), 4, top + height);
        g.drawString(unit, 4, top + height / 2 + 4);
        g.setStroke(new BasicStroke(1.6f));
        for (int a = 0; a < channels.size(); a++) {
            if (!window.names().contains(channels.get(a))) {
                continue;
            }
            double[] values = window.channel(channels.get(a));
            Path2D.Double line = new Path2D.Double();
            for (int i = 0; i < values.length; i++) {
                double x = LEFT + (values.length == 1 ? 0 : (double) i / (values.length - 1) * plotWidth);
                double y = top + height - (values[i] - low) / (high - low) * height;
                if (i == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.setColor(AXES[a % AXES.length]);
            g.draw(line);
        }
    }
}
