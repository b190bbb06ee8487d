package formlab.imu;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderedSamplesTest {

    private static SensorSeries series(SensorKind kind, double rate, long... times) {
        double[] x = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            x[i] = i;
        }
        return new SensorSeries(kind, rate, times, x, x.clone(), x.clone());
    }

    @Test
    void samplesComeInTimeOrderWithTheAccelerometerFirstOnEqualTimes() {
        // accelerometer at 12.5 Hz (80 ms), gyroscope at 25 Hz (40 ms) starting 20 ms earlier
        ImuRecording recording = new ImuRecording(new SetInfo("T", Exercise.ROW, Intensity.MEDIUM, "", 1, 0,
                LocalDateTime.of(2024, 1, 1, 12, 0), "ABC", false),
                series(SensorKind.ACCELEROMETER, 12.5, 1000, 1080, 1160),
                series(SensorKind.GYROSCOPE, 25, 980, 1020, 1060, 1080, 1120), List.of());
        List<String> order = new ArrayList<>();
        TimeOrderedSamples.forEach(recording, (sensor, t, x, y, z) -> order.add(sensor.name().charAt(0) + "" + t));
        assertEquals(List.of("G980", "A1000", "G1020", "G1060", "A1080", "G1080", "G1120", "A1160"), order);

        TimeOrderedSamples cursor = new TimeOrderedSamples(recording);
        assertEquals(8, cursor.size());
        assertEquals(980, cursor.nextMillis().orElseThrow());
        for (int i = 0; i < 8; i++) {
            cursor.next((sensor, t, x, y, z) -> { });
        }
        assertFalse(cursor.hasNext());
        assertTrue(cursor.nextMillis().isEmpty());
        assertThrows(IllegalStateException.class, () -> cursor.next((sensor, t, x, y, z) -> { }));
    }
}
