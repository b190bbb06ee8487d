package formlab.imu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.imu.ImuRecording;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowingTest {

    static AlignedSignal ramp(int n, double rate) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return new AlignedSignal(null, rate, 5_000, List.of("ramp"), List.of("1"), new double[][] {values});
    }

    @Test
    void countsAndStartsFollowTheSettings() {
        WindowSettings settings = new WindowSettings(4, 1);
        // 20 s at 12.5 Hz = 250 samples; windows of 50 samples start every 12.5 samples.
        List<Window> windows = Windowing.slide(ramp(250, 12.5), settings);
        assertEquals(17, windows.size());
        assertEquals(17, settings.count(250, 12.5));
        for (int k = 0; k < windows.size(); k++) {
            Window w = windows.get(k);
            assertEquals(50, w.length());
            assertEquals(12.5, w.rateHz());
            assertEquals(Math.round(k * 12.5), (long) w.value(0, 0), "window " + k + " starts on the step grid");
            assertEquals(w.value(0, 0) / 12.5, w.startSeconds(), 1e-12);
            assertEquals(5_000 + w.startSeconds() * 1000, w.startMillis(), 1e-9);
            assertEquals("", w.label());
        }
        assertEquals(0, Windowing.slide(ramp(49, 12.5), settings).size());
        assertEquals(1, Windowing.slide(ramp(50, 12.5), settings).size());
        // 4 s at 25 Hz, 2 s windows every 0.25 s: starts 0, 6.25, ..., 50 samples -> 9 windows.
        assertEquals(9, Windowing.slide(ramp(100, 25), new WindowSettings(2, 0.25)).size());
    }

    @Test
    void windowsOfARecordingKnowTheirSetLabelAndRate() {
        ImuRecording set = SignalPreparationTest.simulatedSet(2);
        List<Window> windows = Windowing.windows(List.of(set), SignalSettings.defaults(), WindowSettings.defaults());
        AlignedSignal prepared = SignalPreparation.prepare(set, SignalSettings.defaults());
        assertEquals(WindowSettings.defaults().count(prepared.length(), 12.5), windows.size());
        assertTrue(windows.size() > 5);
        for (Window w : windows) {
            assertEquals(set.info(), w.info().orElseThrow());
            assertEquals(set.info().exercise().label(), w.label());
            assertEquals(prepared.names(), w.names());
            assertEquals(4.0, w.seconds(), 1e-12);
        }
    }
}
