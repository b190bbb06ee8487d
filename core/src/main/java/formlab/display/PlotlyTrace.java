package formlab.display;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.plotly.components.HoverLabel;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A plotly trace given as its attributes, written as JSON, for attributes Tablesaw's trace builders
 * lack (a heatmap's {@code colorscale}, {@code zmin} and {@code zmax}, per-point text colours). It goes
 * into a Tablesaw {@code Figure} beside Tablesaw's own traces.
 */
public final class PlotlyTrace implements Trace {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private final Map<String, Object> attributes;

    /**
     * @param attributes plotly attributes ({@code type}, {@code x}, ...): strings, numbers, booleans,
     *                   arrays, lists and maps of these
     */
    public PlotlyTrace(Map<String, Object> attributes) {
        if (!(attributes.get("type") instanceof String)) {
            throw new IllegalArgumentException("a plotly trace needs its 'type', e.g. \"heatmap\"");
        }
        this.attributes = new LinkedHashMap<>(attributes);
    }

    @Override
    public String asJavascript(int i) {
        try {
            return "var trace" + i + " =\n" + JSON.writeValueAsString(attributes) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plotly trace attributes cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String name() {
        return String.valueOf(attributes.getOrDefault("name", ""));
    }

    @Override
    public HoverLabel hoverLabel() {
        return null;
    }

    @Override
    public boolean showLegend() {
        return Boolean.TRUE.equals(attributes.get("showlegend"));
    }

    /** Escapes '<', '>' and '&' so that a label such as "</script>" cannot end the page's script element. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // only asked for ESCAPE_CUSTOM, which is not used
        }
    }
}
