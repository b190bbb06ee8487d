package formlab.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.Exercise;
import formlab.imu.Intensity;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The built bundle (skipped until {@code make pi-bundle} has run): contents and a run in its own small JVM. */
class PiBundleTest {

    @TempDir
    Path dir;

    @Test
    void theBundleHoldsNoDeepLearningAndRunsInA64MegabyteHeap() throws Exception {
        PiBundle bundle = PiBundle.locate().orElse(null);
        Assumptions.assumeTrue(bundle != null && TrackerModel.bundledIn(bundle.jar()), "bundle with model not built");
        Table contents = bundle.contents();
        assertEquals("0", value(contents, "DJL / PyTorch / Tribuo classes"));
        assertEquals("true", value(contents, "sample configuration"));
        assertTrue(value(contents, "Pi4J plugins").contains("linuxfs.LinuxFsPlugin"), contents.print());

        Path file = SimulatedSets.write(dir, Exercise.SQUAT, Intensity.HEAVY);
        PiBundle.Run run = bundle.replay(PiBundle.currentJava(), "64m", file, dir.resolve("sessions"), null);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.heapPeakMb() < run.heapMaxMb() && run.heapMaxMb() <= 64, run.output());
        assertTrue(run.output().contains("set 1 ended: "), run.output());
        PiBundle.Benchmark benchmark = bundle.benchmark(PiBundle.currentJava(), "64m", dir, 1, null);
        assertEquals(1, benchmark.sets());
        assertTrue(benchmark.windows() > 5 && benchmark.p99() >= benchmark.median(), benchmark.output());
    }

    private static String value(Table table, String what) {
        return table.where(table.stringColumn("what").isEqualTo(what)).stringColumn("value").get(0);
    }
}
