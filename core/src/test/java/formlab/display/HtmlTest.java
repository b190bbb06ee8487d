package formlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;

class HtmlTest {

    @Test
    void tableCellsAreEscapedAndLongTablesAreCut() {
        Table table = Table.create("<b>sets</b>",
                StringColumn.create("file", "a<script>", "b", "c"),
                DoubleColumn.create("seconds", 1.5, 2.5, 3.5));
        String html = Html.table(table, 2);
        assertTrue(html.contains("&lt;b&gt;sets&lt;/b&gt;"));
        assertTrue(html.contains("a&lt;script&gt;"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("2.5"));
        assertFalse(html.contains("3.5"), "rows past the limit are not shown");
        assertTrue(html.contains("1 more rows not shown"));
    }

    @Test
    void plotlyIsInlinedOnlyInTheFirstFigureOfADocument() {
        Html.resetPlotlyForNewDocument();
        Table table = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 2, 1));
        String first = Html.figure(LinePlot.create("one", table, "x", "y"));
        String second = Html.figure(LinePlot.create("two", table, "x", "y"));
        Pattern library = Pattern.compile("plotly\\.js[^\n]*v2\\.35\\.3");
        assertTrue(library.matcher(first).find());
        assertFalse(library.matcher(second).find());
        assertTrue(second.contains("Plotly.newPlot"));
        Pattern remote = Pattern.compile("<script[^>]+src\\s*=", Pattern.CASE_INSENSITIVE);
        assertFalse(remote.matcher(first + second).find(), "figures must not load scripts from elsewhere");
    }

    @Test
    void theLibraryHidesTheAmdLoaderSoThatTheLiveNotebookGetsWindowPlotly() {
        Html.resetPlotlyForNewDocument();
        Table table = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 2, 1));
        String first = Html.figure(LinePlot.create("one", table, "x", "y"));
        int hide = first.indexOf("window.define = undefined");
        int library = first.indexOf("v2.35.3");
        int restore = first.indexOf("window.define = amdDefine");
        assertTrue(hide >= 0 && hide < library && library < restore, "define hidden around the library only");
    }

    @Test
    void plotElementIdsAreUniqueAcrossKernelRestarts() {
        Table table = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 2, 1));
        String html = Html.figure(LinePlot.create("one", table, "x", "y"));
        assertTrue(html.contains("<div id=\"" + Html.PLOT_ID_PREFIX), html.substring(0, 200));
        assertTrue(Html.PLOT_ID_PREFIX.matches("formlab_plot_[0-9a-z]+_"), Html.PLOT_ID_PREFIX);
    }

    @Test
    void imagesAreInlinedAsPng() {
        String html = Html.image(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        assertTrue(html.startsWith("<img alt=\"image\" src=\"data:image/png;base64,iVBOR"), html);
    }

    @Test
    void photoLikeImagesAreInlinedAsJpegAtLessThanHalfThePngSize() throws Exception {
        // A camera-like frame: smooth shading plus sensor noise, which PNG cannot compress.
        BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(7);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int shade = 60 + (x + y) * 120 / 1120;
                int r = Math.clamp(shade + 40 + noise.nextInt(25), 0, 255);
                int g = Math.clamp(shade + noise.nextInt(25), 0, 255);
                int b = Math.clamp(shade - 30 + noise.nextInt(25), 0, 255);
                photo.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        String html = Html.image(photo);
        assertTrue(html.startsWith("<img alt=\"image\" src=\"data:image/jpeg;base64,"), html.substring(0, 60));
        byte[] jpeg = java.util.Base64.getDecoder().decode(html.substring(html.indexOf(',') + 1, html.lastIndexOf('"')));
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "png", png);
        assertTrue(jpeg.length * 2 < png.size(), jpeg.length + " bytes of JPEG against " + png.size() + " of PNG");
        BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        assertEquals(640, decoded.getWidth());
        assertEquals(480, decoded.getHeight());
        assertEquals(photo.getRGB(320, 240) >> 16 & 0xff, decoded.getRGB(320, 240) >> 16 & 0xff, 20.0, "red at the centre");
    }

    @Test
    void largeDrawingsStayExactPng() {
        BufferedImage drawing = new BufferedImage(900, 700, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = drawing.createGraphics();
        for (int i = 0; i < 400; i++) {
            g.setColor(new java.awt.Color(i * 37 % 256, i * 91 % 256, i * 53 % 256));
            g.drawLine(i * 2, 0, 900 - i, 700);
        }
        g.dispose();
        assertTrue(Html.image(drawing).startsWith("<img alt=\"image\" src=\"data:image/png;base64,"));
    }

    @Test
    void plotDataKeepsSixSignificantDigitsAndLeavesShortValuesAndTextAlone() {
        String script = "x: [\"179.0240861548686\",\"-0.000123456789\",\"12.5\",\"A-bench\",\"3\"], y: [\"1.0E-12345678\"]";
        assertEquals("x: [179.024,-0.000123457,\"12.5\",\"A-bench\",\"3\"], y: [\"1.0E-12345678\"]",
                Html.compactNumbers(script));
    }

    @Test
    void aFigureWithThousandsOfPointsStaysSmall() {
        double[] xs = new double[5000];
        double[] ys = new double[5000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 170 + Math.sin(i * 0.37) * 9.123456789;
            ys[i] = 168 + Math.cos(i * 0.11) * 11.987654321;
        }
        Table points = Table.create("angles", tech.tablesaw.api.DoubleColumn.create("x", xs),
                tech.tablesaw.api.DoubleColumn.create("y", ys));
        Html.resetPlotlyForNewDocument();
        Html.figure(tech.tablesaw.plotly.api.ScatterPlot.create("angles", points, "x", "y"));
        String html = Html.figure(tech.tablesaw.plotly.api.ScatterPlot.create("angles", points, "x", "y"));
        assertTrue(html.length() < 5000 * 2 * 9, html.length() + " characters for 10,000 numbers");
        assertTrue(html.contains("179.") || html.contains("178."), "the values are still there");
    }

    @Test
    void escapeHandlesEverySpecialCharacter() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    }
}
