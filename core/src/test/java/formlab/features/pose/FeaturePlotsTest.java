package formlab.features.pose;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FeaturePlotsTest {

    @Test
    void overTimeDrawsOneLinePerColumn() {
        Table table = PoseFeatureExtractor.perFrame().table("s", List.of(PoseFeatureExtractorTest.synthetic("P1", 5, 9)));
        var figure = FeaturePlots.overTime(table, "Knees", "degrees", "angle_left_knee_2d", "angle_right_knee_2d");
        String js = figure.asJavascript("plot");
        assertTrue(js.contains("angle_left_knee_2d") && js.contains("angle_right_knee_2d"), "one named trace per column");
        assertEquals(2, figure.getTraces().length);
        assertThrows(IllegalArgumentException.class, () -> FeaturePlots.overTime(table, "t", "y"));
    }
}
