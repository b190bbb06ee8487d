package formlab.deploy;

import formlab.deploy.sensor.ImuSample;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the streaming classifier in tests of the runtime's plumbing: it reports a window
 * every {@code windowSamples} samples, with one more repetition every {@code samplesPerRep}
 * samples, and records exactly which samples it was given (to check the timestamp policy).
 * Synchronized: tests read {@link #all()} while the tracker's loop thread feeds it.
 */
class ScriptedSink implements SampleSink {

    final List<List<ImuSample>> segments = new ArrayList<>();
    private final int windowSamples;
    private final int samplesPerRep;
    private final String label;
    int finalAdjustment;

    ScriptedSink(int windowSamples, int samplesPerRep, String label) {
        this.windowSamples = windowSamples;
        this.samplesPerRep = samplesPerRep;
        this.label = label;
    }

    @Override
    public synchronized void startSet() {
        segments.add(new ArrayList<>());
    }

    @Override
    public synchronized List<WindowResult> accept(ImuSample sample) {
        List<ImuSample> current = segments.getLast();
        current.add(sample);
        if (current.size() % windowSamples == 0) {
            return List.of(new WindowResult(sample.epochMillis(), label, 0.9, current.size() / samplesPerRep));
        }
        return List.of();
    }

    @Override
    public synchronized WindowResult finishSet() {
        List<ImuSample> current = segments.getLast();
        long t = current.isEmpty() ? 0 : current.getLast().epochMillis();
        return new WindowResult(t, label, 0.8, current.size() / samplesPerRep + finalAdjustment);
    }

    /** Every sample given, all segments in order. */
    synchronized List<ImuSample> all() {
        return segments.stream().flatMap(List::stream).toList();
    }
}
