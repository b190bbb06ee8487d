package formlab.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A continuous colour scale given as stops, drawn by plotly as its {@code colorscale}. Because the
 * stops are known here, so is the colour of every value: text drawn over a cell can take the colour
 * that reads best on it ({@link #textColourOn}), as plotly interpolates linearly in RGB between stops.
 *
 * @param positions stop positions from 0 to 1, increasing
 * @param colours   the stops' colours, {@code {r, g, b}} each 0-255
 */
public record ColourScale(double[] positions, int[][] colours) {

    /** Light to dark blue (ColorBrewer "Blues", sequential): 0 is near white, 1 dark navy. */
    public static final ColourScale BLUES = new ColourScale(new double[] {0, 0.25, 0.5, 0.75, 1},
            new int[][] {{247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}});

    /** Black text, for light cells. */
    public static final int[] BLACK = {0, 0, 0};

    /** White text, for dark cells. */
    public static final int[] WHITE = {255, 255, 255};

    public ColourScale {
        if (positions.length < 2 || positions.length != colours.length || positions[0] != 0 || positions[positions.length - 1] != 1) {
            throw new IllegalArgumentException("a colour scale needs at least two stops, one colour per stop, from 0 to 1");
        }
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] <= positions[i - 1]) {
                throw new IllegalArgumentException("stop positions must increase: " + positions[i - 1] + " then " + positions[i]);
            }
        }
        positions = positions.clone();
        colours = colours.clone();
    }

    /** The colour at {@code fraction} of the scale (clamped to 0-1), interpolated in RGB as plotly does. */
    public int[] colourAt(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int i = 1;
        while (i < positions.length - 1 && f > positions[i]) {
            i++;
        }
        double t = (f - positions[i - 1]) / (positions[i] - positions[i - 1]);
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            rgb[c] = (int) Math.round(colours[i - 1][c] + t * (colours[i][c] - colours[i - 1][c]));
        }
        return rgb;
    }

    /**
     * Black or white, whichever contrasts more with the colour at {@code fraction}. The better of
     * the two always reaches a contrast ratio of at least 4.5, WCAG's level for normal text.
     */
    public int[] textColourOn(double fraction) {
        int[] cell = colourAt(fraction);
        return contrast(cell, BLACK) >= contrast(cell, WHITE) ? BLACK : WHITE;
    }

    /** The scale as plotly's {@code colorscale}: {@code [[0, "rgb(247,251,255)"], ...]}. */
    public List<List<Object>> plotly() {
        List<List<Object>> stops = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            stops.add(List.of(positions[i], css(colours[i])));
        }
        return stops;
    }

    /** {@code rgb(r,g,b)}, the CSS colour plotly reads. */
    public static String css(int[] rgb) {
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", rgb[0], rgb[1], rgb[2]);
    }

    /** WCAG 2 relative luminance of an sRGB colour: 0 black, 1 white. */
    public static double luminance(int[] rgb) {
        double sum = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int c = 0; c < 3; c++) {
            double v = rgb[c] / 255.0;
            sum += weights[c] * (v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    /** WCAG 2 contrast ratio of two colours, from 1 (same luminance) to 21 (black on white). */
    public static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
