package formlab.imu;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What is known about one recorded set, taken from its file names: who, which exercise, how
 * heavy, which set of the session, how hard it felt and when it started.
 *
 * @param participant participant code, e.g. {@code A}
 * @param exercise    the exercise (class label)
 * @param intensity   heavy, medium, or none (rest and bad-form sets)
 * @param variant     extra word of the name for sets without intensity ({@code sitting},
 *                    {@code standing} for rest, {@code half}, {@code high} for bad form); empty otherwise
 * @param setNumber   set number within the session as written in the name, 0 when not numbered
 * @param rpe         rating of perceived exertion (1-10) when the name gives one, else 0
 * @param start       start time written in the file name (device local time)
 * @param device      sensor device id, e.g. {@code C42732BE255C}
 * @param badForm     true for the sets deliberately performed with bad form
 */
public record SetInfo(String participant, Exercise exercise, Intensity intensity, String variant, int setNumber,
                      int rpe, LocalDateTime start, String device, boolean badForm) {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss.SSS");

    public SetInfo {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(device, "device");
    }

    /**
     * Unique id of the set, e.g. {@code A-bench-heavy2-rpe8@2019-01-11T16.10.08.270}: the name
     * alone is not unique (participant A has three sets called {@code A-squat-heavy}).
     */
    public String id() {
        return name() + "@" + ID_TIME.format(start);
    }

    /** The descriptive part of the file name, e.g. {@code A-bench-heavy2-rpe8}. */
    public String name() {
        StringBuilder name = new StringBuilder(participant).append('-').append(exercise.label()).append('-');
        name.append(intensity == Intensity.NONE ? variant : intensity.label());
        if (setNumber > 0) {
            name.append(setNumber);
        }
        if (rpe > 0) {
            name.append("-rpe").append(rpe);
        }
        return name.toString();
    }

    /** Repetitions the protocol asks for (heavy 5, medium 10); empty for rest and bad-form sets. */
    public OptionalInt expectedReps() {
        return badForm || !exercise.isLift() ? OptionalInt.empty() : intensity.protocolReps();
    }
}
