package formlab.deploy;

import formlab.deploy.config.TrackerConfig;

/**
 * The {@link SampleSink} of the tracker: adapts the library's streaming exercise classifier and
 * repetition counter to the runtime. Until the streaming classifier is part of the library this
 * refuses to start, naming what is missing.
 */
public final class LiveClassifier {

    private LiveClassifier() {
    }

    /** The sink for {@code config} fed by {@code source}. */
    public static SampleSink create(TrackerConfig config, formlab.deploy.sensor.SensorSource source) {
        throw new UnsupportedOperationException("this build has no streaming exercise classifier yet"
                + " (formlab.stream); the tracker cannot recognise exercises without it");
    }
}
