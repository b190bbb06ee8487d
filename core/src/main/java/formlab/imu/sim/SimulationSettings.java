package formlab.imu.sim;

/**
 * What to simulate.
 *
 * @param seed         seed of every random choice: same settings, same files, byte for byte
 * @param participants number of simulated participants (codes {@code S1}, {@code S2}, ...)
 * @param heavySets    heavy sets (5 repetitions) per participant and lift
 * @param mediumSets   medium sets (10 repetitions) per participant and lift
 * @param includeRest  whether each participant also gets a sitting and a standing rest recording
 * @param dropoutProbability probability that a set loses 1.5-3.5 s of both sensors (Bluetooth dropout)
 */
public record SimulationSettings(long seed, int participants, int heavySets, int mediumSets, boolean includeRest,
                                 double dropoutProbability) {

    /** Version of the motion model; part of the fingerprint so that a changed model regenerates files. */
    public static final int MODEL_VERSION = 2;

    public SimulationSettings {
        if (participants < 1 || participants > 99 || heavySets < 0 || mediumSets < 0 || heavySets + mediumSets == 0) {
            throw new IllegalArgumentException("need 1-99 participants and at least one heavy or medium set per lift");
        }
        if (dropoutProbability < 0 || dropoutProbability > 1) {
            throw new IllegalArgumentException("dropoutProbability must be in [0, 1]");
        }
    }

    /** Five participants, two heavy and two medium sets per lift, rest included, 5% dropouts, seed 42. */
    public static SimulationSettings defaults() {
        return new SimulationSettings(42, 5, 2, 2, true, 0.05);
    }

    /** The same settings with another seed. */
    public SimulationSettings withSeed(long newSeed) {
        return new SimulationSettings(newSeed, participants, heavySets, mediumSets, includeRest, dropoutProbability);
    }

    /** One line identifying settings and model version, stored next to generated files. */
    public String fingerprint() {
        return "model=" + MODEL_VERSION + " seed=" + seed + " participants=" + participants + " heavy=" + heavySets
                + " medium=" + mediumSets + " rest=" + includeRest + " dropout=" + dropoutProbability;
    }
}
