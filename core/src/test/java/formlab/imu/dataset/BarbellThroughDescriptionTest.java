package formlab.imu.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.data.KnownDataset;
import formlab.imu.ImuDataset;
import formlab.imu.ImuRecording;
import formlab.imu.SensorSeries;
import formlab.imu.metawear.MetaWearDatasetLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The real barbell dataset read through its built-in description gives the very sets the MetaWear loader
 * reads from the files (same sets in the same order, same samples, rates and files), so notebooks and
 * commands that moved to the description keep their results. Skipped when FORMLAB_DATA_DIR does not hold it.
 */
class BarbellThroughDescriptionTest {

    @Test
    void describedReadEqualsTheMetaWearLoaderSetBySet() {
        Path folder = KnownDataset.IMU_BARBELL.path().orElse(null);
        Assumptions.assumeTrue(folder != null, "real barbell dataset not available");
        ImuDataset described = ImuDatasets.real(folder);
        List<ImuRecording> loaded = MetaWearDatasetLoader.defaults().load(folder.resolve("raw"));

        assertEquals(loaded.size(), described.recordings().size());
        assertEquals(2, described.badFormSets().size(), "bad-form sets of raw/form are kept for exploration");
        for (int i = 0; i < loaded.size(); i++) {
            ImuRecording expected = loaded.get(i);
            ImuRecording actual = described.recordings().get(i);
            assertEquals(expected.info(), actual.info(), "set " + i);
            assertEquals(expected.sources(), actual.sources(), expected.info().id());
            assertSameSeries(expected.accelerometer(), actual.accelerometer(), expected.info().id());
            assertSameSeries(expected.gyroscope(), actual.gyroscope(), expected.info().id());
        }
        assertTrue(described.origin().location().contains("description " + ImuDatasets.DESCRIPTION),
                described.origin().location());
    }

    private static void assertSameSeries(SensorSeries expected, SensorSeries actual, String set) {
        assertEquals(expected.kind(), actual.kind(), set);
        assertEquals(expected.nominalRateHz(), actual.nominalRateHz(), 0.0, set);
        assertArrayEquals(expected.epochMillis(), actual.epochMillis(), set);
        assertArrayEquals(expected.x(), actual.x(), 0.0, set);
        assertArrayEquals(expected.y(), actual.y(), 0.0, set);
        assertArrayEquals(expected.z(), actual.z(), 0.0, set);
        assertEquals(expected.gaps(), actual.gaps(), set);
    }
}
