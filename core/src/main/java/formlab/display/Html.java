package formlab.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Renders the things a notebook shows (tables, plots, images, notes) as self-contained HTML.
 *
 * <p>Plots use plotly.js from the classpath, never a CDN: the minified bundle that {@code make setup}
 * fetches ({@value #MINIFIED_PLOTLY_RESOURCE}, 1.3 MB), else the full bundle of the
 * {@code plotly.js-dist} webjar (about 11 MB). The first plot rendered in a JVM carries the library
 * inline, later plots reuse it: a notebook runs in one kernel JVM, so an exported report holds
 * plotly.js once and renders offline. {@link #resetPlotlyForNewDocument()} starts over for a new
 * document.
 *
 * <p>The inlined library hides the page's AMD loader while it runs. The live Jupyter Notebook page
 * loads RequireJS, and plotly.js would otherwise register itself as an anonymous AMD module and never
 * set {@code window.Plotly}, so no figure would draw. Plot element ids carry a random prefix per JVM,
 * so that after a kernel restart a new figure never draws into an old output's element.
 */
public final class Html {

    /** The minified bundle fetched by {@code scripts/fetch-plotly.sh}, packaged into the core JAR. */
    public static final String MINIFIED_PLOTLY_RESOURCE = "formlab/display/plotly-cartesian.min.js";

    /** The full bundle of the webjar, used when the minified one was not fetched. */
    public static final String WEBJAR_PLOTLY_RESOURCE = "META-INF/resources/webjars/plotly.js-dist/2.35.3/plotly.js";

    /** Prefix of the element id of every plot rendered by this JVM. */
    static final String PLOT_ID_PREFIX = "formlab_plot_" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36) + "_";

    /** Rows shown before a table is cut, with a note saying how many were left out. */
    public static final int DEFAULT_MAX_ROWS = 15;

    private static final AtomicBoolean PLOTLY_EMITTED = new AtomicBoolean();
    private static final AtomicInteger PLOT_COUNTER = new AtomicInteger();

    private Html() {
    }

    /** Renders any supported object: Table, Figure, BufferedImage, or anything else as escaped text. */
    public static String of(Object value) {
        if (value instanceof Table table) {
            return table(table, DEFAULT_MAX_ROWS);
        }
        if (value instanceof Figure figure) {
            return figure(figure);
        }
        if (value instanceof BufferedImage image) {
            return image(image);
        }
        if (value instanceof HtmlRenderable renderable) {
            return renderable.toHtml();
        }
        return "<pre>" + escape(String.valueOf(value)) + "</pre>";
    }

    /** A table as an HTML table with its name as caption; rows past {@code maxRows} are summarised. */
    public static String table(Table table, int maxRows) {
        StringBuilder html = new StringBuilder(256);
        html.append("<table class=\"formlab-table\" style=\"border-collapse:collapse;font-size:12px\">");
        String name = table.name() == null ? "" : table.name();
        html.append("<caption style=\"text-align:left;font-weight:bold\">").append(escape(name))
                .append(" <span style=\"font-weight:normal;color:#666\">(")
                .append(table.rowCount()).append(" rows x ").append(table.columnCount()).append(" columns)</span></caption>");
        html.append("<thead><tr>");
        String[] align = new String[table.columnCount()];
        for (int col = 0; col < table.columnCount(); col++) {
            align[col] = table.column(col) instanceof tech.tablesaw.api.NumericColumn<?> ? "right" : "left";
            html.append("<th style=\"border-bottom:1px solid #999;padding:2px 8px;text-align:").append(align[col]).append("\">")
                    .append(escape(table.column(col).name())).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int shown = Math.min(maxRows, table.rowCount());
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                html.append("<td style=\"padding:2px 8px;text-align:").append(align[col]).append("\">")
                        .append(escape(table.column(col).getString(row))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (shown < table.rowCount()) {
            html.append("<p style=\"color:#666;font-size:12px\">").append(table.rowCount() - shown)
                    .append(" more rows not shown.</p>");
        }
        return html.toString();
    }

    /** A plotly figure as a div and the script that draws it; plotly.js itself is inlined once. */
    public static String figure(Figure figure) {
        String divName = PLOT_ID_PREFIX + PLOT_COUNTER.incrementAndGet();
        StringBuilder html = new StringBuilder();
        if (PLOTLY_EMITTED.compareAndSet(false, true)) {
            html.append("<script type=\"text/javascript\">")
                    .append("(function () { var amdDefine = window.define; window.define = undefined; try {\n")
                    .append(plotlyJs())
                    .append("\n} finally { window.define = amdDefine; } })();</script>\n");
        }
        html.append("<div id=\"").append(divName).append("\"></div>\n");
        html.append(compactNumbers(figure.asJavascript(divName)));
        return html.toString();
    }

    /** A quoted decimal with more than six digits after the point, as Tablesaw writes plot data. */
    private static final java.util.regex.Pattern LONG_DECIMAL =
            java.util.regex.Pattern.compile("\"(-?\\d+\\.\\d{6,}(?:[eE][-+]?\\d+)?)\"");
    private static final java.math.MathContext PLOT_DIGITS = new java.math.MathContext(6);

    /**
     * Plot data with six significant digits: Tablesaw writes every value as a quoted decimal of up
     * to 17 digits, which made figures with thousands of points weigh megabytes in a report.
     * Six digits are far finer than a screen can show; the values become plain JavaScript numbers.
     */
    static String compactNumbers(String javascript) {
        return LONG_DECIMAL.matcher(javascript).replaceAll(match -> new java.math.BigDecimal(match.group(1))
                .round(PLOT_DIGITS).stripTrailingZeros().toString());
    }

    /**
     * An image inlined in the page: as PNG (exact; right for plots, diagrams and skeleton drawings),
     * or as JPEG when the PNG is over {@value #PNG_LIMIT_BYTES} bytes and the JPEG is less than half
     * its size (photos and video frames), so that reports with photos stay small enough to mail.
     */
    public static String image(BufferedImage image) {
        byte[] png = encode(image, "png");
        if (png.length > PNG_LIMIT_BYTES) {
            byte[] jpeg = jpeg(image);
            if (jpeg.length * 2 < png.length) {
                return "<img alt=\"image\" src=\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg) + "\"/>";
            }
        }
        return "<img alt=\"image\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"/>";
    }

    /** A PNG larger than this is compared with a JPEG of the same image. */
    static final int PNG_LIMIT_BYTES = 64 * 1024;
    private static final float JPEG_QUALITY = 0.85f;

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode image as " + format, e);
        }
        return out.toByteArray();
    }

    /** JPEG at quality 0.85 of the image drawn on white (JPEG has no transparency). */
    private static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode image as JPEG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Escapes text for use inside HTML elements and attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Makes the next rendered figure inline plotly.js again (for a new, separate HTML document). */
    public static void resetPlotlyForNewDocument() {
        PLOTLY_EMITTED.set(false);
    }

    /** The plotly.js source: the minified bundle when it was fetched, else the webjar's full bundle. */
    public static String plotlyJs() {
        String resource = plotlyResource();
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js is not on the classpath (" + resource
                        + "): the org.webjars.npm:plotly.js-dist jar is missing");
            }
            // A literal "</script>" inside the library would end the inline script early.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script>", "<\\/script>");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Which plotly.js bundle the plots inline: the classpath resource name. */
    public static String plotlyResource() {
        return Html.class.getClassLoader().getResource(MINIFIED_PLOTLY_RESOURCE) != null
                ? MINIFIED_PLOTLY_RESOURCE : WEBJAR_PLOTLY_RESOURCE;
    }
}
