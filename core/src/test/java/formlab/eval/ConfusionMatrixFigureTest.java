package formlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import formlab.display.ColourScale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Reads the confusion-matrix figure the way plotly draws it (colour scale, z range, text colours,
 * with plotly's defaults where the figure leaves them out) and checks that every cell's number is
 * readable on its cell.
 */
class ConfusionMatrixFigureTest {

    /** WCAG 2 level AA for normal text. */
    private static final double READABLE = 4.5;

    /** Plotly 2.35's defaults: the heatmap colour scale (RdBu) and the text colour. */
    private static final ColourScale PLOTLY_DEFAULT_SCALE = new ColourScale(new double[] {0, 0.35, 0.5, 0.6, 0.7, 1},
            new int[][] {{5, 10, 172}, {106, 137, 247}, {190, 190, 190}, {220, 170, 132}, {230, 145, 90}, {178, 10, 28}});
    private static final String PLOTLY_DEFAULT_TEXT = "#444";

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    @Test
    void everyCellNumberIsReadableOnItsCell() throws Exception {
        // Four classes whose rows spread over the whole scale: shares of 0, 10, 20, 25, 30, 50, 90 and 100 %.
        List<String> classes = List.of("bench", "deadlift", "row", "squat");
        long[][] counts = {{9, 1, 0, 0}, {0, 10, 0, 0}, {1, 1, 2, 0}, {0, 2, 3, 5}};
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int t = 0; t < counts.length; t++) {
            for (int p = 0; p < counts.length; p++) {
                for (long n = 0; n < counts[t][p]; n++) {
                    truth.add(classes.get(t));
                    predicted.add(classes.get(p));
                }
            }
        }
        Evaluation evaluation = Evaluation.of(classes, truth.toArray(String[]::new), predicted.toArray(String[]::new), null, null);
        Figure figure = evaluation.confusionMatrixFigure("IMU exercises");

        JsonNode heat = trace(figure, "heatmap");
        JsonNode labels = trace(figure, "scatter");
        ColourScale scale = heat.has("colorscale") ? scale(heat.get("colorscale")) : PLOTLY_DEFAULT_SCALE;
        double zmin = heat.has("zmin") ? heat.get("zmin").asDouble() : extreme(heat.get("z"), true);
        double zmax = heat.has("zmax") ? heat.get("zmax").asDouble() : extreme(heat.get("z"), false);
        JsonNode textColour = labels.path("textfont").path("color");

        List<String> unreadable = new ArrayList<>();
        assertEquals(16, labels.get("text").size());
        for (int i = 0; i < labels.get("text").size(); i++) {
            int column = indexOf(heat.get("x"), labels.get("x").get(i).asText());
            int row = indexOf(heat.get("y"), labels.get("y").get(i).asText());
            double z = heat.get("z").get(row).get(column).asDouble();
            int[] cell = scale.colourAt((z - zmin) / (zmax - zmin));
            String text = textColour.isArray() ? textColour.get(i).asText() : textColour.asText(PLOTLY_DEFAULT_TEXT);
            double contrast = ColourScale.contrast(cell, rgb(text));
            if (contrast < READABLE) {
                unreadable.add(String.format("%s (true %s, predicted %s): %s on %s, contrast %.1f", labels.get("text").get(i).asText(),
                        labels.get("y").get(i).asText(), labels.get("x").get(i).asText(), text, ColourScale.css(cell), contrast));
            }
        }
        assertTrue(unreadable.isEmpty(), "cell numbers below contrast " + READABLE + ":\n" + String.join("\n", unreadable));
    }

    @Test
    void textColourFollowsTheCellsLuminance() {
        ColourScale blues = ColourScale.BLUES;
        assertEquals(List.of(0, 0, 0), List.of(blues.textColourOn(0)[0], blues.textColourOn(0)[1], blues.textColourOn(0)[2]));
        assertEquals(255, blues.textColourOn(1)[0]);
        for (int step = 0; step <= 100; step++) {
            int[] cell = blues.colourAt(step / 100.0);
            assertTrue(ColourScale.contrast(cell, blues.textColourOn(step / 100.0)) >= READABLE, ColourScale.css(cell));
        }
        assertEquals(21, ColourScale.contrast(ColourScale.BLACK, ColourScale.WHITE), 1e-9);
    }

    private static JsonNode trace(Figure figure, String type) throws Exception {
        Trace[] traces = figure.getTraces();
        for (int i = 0; i < traces.length; i++) {
            String js = traces[i].asJavascript(i);
            JsonNode node = LENIENT.readTree(js.substring(js.indexOf('=') + 1, js.lastIndexOf(';')));
            if (type.equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("the figure has no " + type + " trace");
    }

    private static ColourScale scale(JsonNode stops) {
        double[] positions = new double[stops.size()];
        int[][] colours = new int[stops.size()][];
        for (int i = 0; i < stops.size(); i++) {
            positions[i] = stops.get(i).get(0).asDouble();
            colours[i] = rgb(stops.get(i).get(1).asText());
        }
        return new ColourScale(positions, colours);
    }

    private static final Pattern RGB = Pattern.compile("rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)");

    /** "rgb(1,2,3)", "#abc" or "#aabbcc". */
    private static int[] rgb(String css) {
        Matcher m = RGB.matcher(css);
        if (m.matches()) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        }
        String hex = css.substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int value = Integer.parseInt(hex, 16);
        return new int[] {value >> 16 & 255, value >> 8 & 255, value & 255};
    }

    private static double extreme(JsonNode z, boolean min) {
        double best = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (JsonNode row : z) {
            for (JsonNode v : row) {
                best = min ? Math.min(best, v.asDouble()) : Math.max(best, v.asDouble());
            }
        }
        return best;
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not among " + names);
    }
}
