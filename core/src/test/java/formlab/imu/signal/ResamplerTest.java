package formlab.imu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void interpolateHoldsEndValuesOutsideTheSamples() {
        double[] out = Resampler.interpolate(new long[] {10, 20}, new double[] {1, 3}, new double[] {0, 10, 15, 20, 30});
        assertEquals(List.of(1.0, 1.0, 2.0, 3.0, 3.0), java.util.Arrays.stream(out).boxed().toList());
    }
}
