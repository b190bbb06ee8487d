package formlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

class PlotlyTraceTest {

    @Test
    void writesItsAttributesAsJsonThatCannotCloseTheScriptElement() throws Exception {
        var trace = new PlotlyTrace(Map.of("type", "bar", "x", List.of("</script><b>&"), "y", new double[] {0.25}));
        String js = trace.asJavascript(3);
        assertTrue(js.startsWith("var trace3 =\n"), js);
        assertFalse(js.contains("</script>") || js.contains("<b>"), js);
        JsonNode parsed = new ObjectMapper().readTree(js.substring(js.indexOf('=') + 1, js.lastIndexOf(';')));
        assertEquals("</script><b>&", parsed.get("x").get(0).asText());
        assertEquals(0.25, parsed.get("y").get(0).asDouble());
        String page = Html.of(new Figure(Layout.builder("t").build(), trace));
        assertTrue(page.contains("var trace0 =") && page.contains("\\u003C/script\\u003E"), "the figure carries the escaped trace");
    }

    @Test
    void aTraceWithoutItsTypeIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> new PlotlyTrace(Map.of("x", List.of(1))));
        assertTrue(error.getMessage().contains("'type'"), error.getMessage());
    }
}
