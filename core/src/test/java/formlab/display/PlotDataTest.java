package formlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class PlotDataTest {

    private static Table frames(int count) {
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = i;
        }
        return Table.create("frames", IntColumn.create("frame", ids));
    }

    @Test
    void keepsEveryKthRowFromTheFirstAndSaysSo() {
        Table thinned = PlotData.atMost(frames(16_116), 4000);
        assertEquals(3224, thinned.rowCount());
        assertEquals(0, thinned.intColumn("frame").get(0));
        assertEquals(5, thinned.intColumn("frame").get(1));
        assertEquals(16_115, thinned.intColumn("frame").get(3223));
        assertEquals("frames (every 5th of 16116 rows)", thinned.name());
    }

    @Test
    void aSmallTableIsShownWhole() {
        Table small = frames(4000);
        assertSame(small, PlotData.atMost(small, 4000));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlotData.atMost(frames(3), 0));
    }
}
