package formlab.imu.signal;

import formlab.imu.ImuRecording;
import java.util.ArrayList;
import java.util.List;

/** Cuts prepared signals into sliding windows. */
public final class Windowing {

    private Windowing() {
    }

    /** All full windows of {@code signal}; a signal shorter than one window gives none. */
    public static List<Window> slide(AlignedSignal signal, WindowSettings settings) {
        int length = settings.lengthSamples(signal.rateHz());
        List<Window> windows = new ArrayList<>();
        for (int k = 0; settings.start(k, signal.rateHz()) + length <= signal.length(); k++) {
            windows.add(Window.of(signal, settings.start(k, signal.rateHz()), length));
        }
        return windows;
    }

    /** Prepares every recording and cuts it into windows, in recording order. */
    public static List<Window> windows(List<ImuRecording> recordings, SignalSettings signal, WindowSettings window) {
        List<Window> windows = new ArrayList<>();
        for (ImuRecording recording : recordings) {
            windows.addAll(slide(SignalPreparation.prepare(recording, signal), window));
        }
        return windows;
    }
}
