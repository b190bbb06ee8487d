package formlab.server;

import formlab.model.Prediction;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseGeometry.Dimension;
import formlab.pose.reps.HysteresisRepCounter;
import formlab.pose.reps.PhaseRepCounter;
import formlab.pose.reps.RepSignals;
import formlab.posture.PoseClassifier;
import formlab.posture.SquatReps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one live page connection: frames arrive one at a time, in order, and each is answered
 * at once with the posture of the registered pose classifier (causal, {@link PoseClassifier.Live}), the
 * squat phase, the running squat count (from the phases as {@code formlab pose-from-video --squat}
 * counts them, and from the hip height), the knee angle and a form cue. A frame without a person
 * counts as a gap: it changes no count.
 */
final class LiveSession {

    private final PoseClassifier.Live posture;
    private final String postureModel;
    private final SquatReps squats;
    private final PoseClassifier.Live phases;
    private final List<String> phaseHistory = new ArrayList<>();
    private final PhaseRepCounter phaseCounter;
    private final HysteresisRepCounter hipCounter;
    private final LiveCues cues;
    private int hipReps;
    private int frames;

    /**
     * @param posture      the pose classifier to answer with, or null when none is registered
     * @param postureModel its name and version ("yoga-pose v3"), or why there is none
     * @param squats       the squat counter
     * @param cues         the cue texts
     */
    LiveSession(PoseClassifier posture, String postureModel, SquatReps squats, LiveCues cues) {
        this.posture = posture == null ? null : posture.live();
        this.postureModel = postureModel;
        this.squats = squats;
        this.phases = squats.phases().live();
        this.phaseCounter = new PhaseRepCounter(SquatReps.DOWN, SquatReps.UP, SquatReps.MIN_RUN);
        this.hipCounter = new HysteresisRepCounter(squats.hipThresholds()[0], squats.hipThresholds()[1], SquatReps.MIN_ACTIVE);
        this.cues = cues;
    }

    /**
     * Builds the pose of one frame from MediaPipe's 33 landmarks, x, y, z, visibility each, landmark after
     * landmark (the PosePilot column order), in normalised image coordinates.
     *
     * @throws IllegalArgumentException when there are not 132 finite numbers
     */
    static Pose pose(double[] values) {
        if (values.length != Joint.COUNT * 4) {
            throw new IllegalArgumentException("expected " + Joint.COUNT * 4 + " numbers (33 landmarks x, y, z, visibility), got "
                    + values.length);
        }
        Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
        for (Joint joint : Joint.values()) {
            int at = joint.index() * 4;
            for (int k = 0; k < 4; k++) {
                if (!Double.isFinite(values[at + k])) {
                    throw new IllegalArgumentException("landmark " + joint.index() + " (" + joint.mediaPipeName() + ") value "
                            + k + " is not a finite number");
                }
            }
            pose.set(joint, values[at], values[at + 1], values[at + 2], values[at + 3]);
        }
        return pose.build();
    }

    /** The answer to frame {@code frame}: {@code pose} is null when no person was found in it (by the browser or the server). */
    Map<String, Object> push(long frame, Pose pose) {
        frames++;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("frame", frame);
        out.put("person", pose != null);
        out.put("model", postureModel);
        if (pose == null) {
            out.put("squats", phaseCounter.count(phaseHistory).size());
            out.put("squatsFromHipHeight", hipReps);
            out.put("cue", cues.text(LiveCues.NO_PERSON));
            return out;
        }
        if (posture != null) {
            Prediction prediction = posture.push(pose);
            out.put("posture", prediction.label());
            out.put("confidence", prediction.confidence());
        }
        Prediction phase = phases.push(pose);
        phaseHistory.add(phase.label());
        double hip = RepSignals.hipHeight(pose);
        if (hipCounter.push(hip) != null) {
            hipReps++;
        }
        double knee = RepSignals.meanKneeAngle(pose, Dimension.TWO_D);
        out.put("phase", phase.label());
        out.put("phaseConfidence", phase.confidence());
        out.put("squats", phaseCounter.count(phaseHistory).size());
        out.put("squatsFromHipHeight", hipReps);
        out.put("hipHeight", Double.isFinite(hip) ? hip : null);
        out.put("kneeAngle", Double.isFinite(knee) ? knee : null);
        out.put("cue", cues.text(cue(hip)));
        return out;
    }

    /** The posture model's name and version, or why there is none. */
    String postureModel() {
        return postureModel;
    }

    /** Frames answered so far. */
    int frames() {
        return frames;
    }

    /** The cue of a hip height, against the thresholds the squat counter learnt from labelled squats. */
    private String cue(double hip) {
        double[] thresholds = squats.hipThresholds();
        if (!Double.isFinite(hip)) {
            return LiveCues.FULL_BODY;
        }
        if (hip < thresholds[0]) {
            return LiveCues.DEPTH;
        }
        return hip > thresholds[1] ? LiveCues.STANDING : LiveCues.LOWER;
    }
}
