package formlab.pose.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import formlab.data.DataSettings;
import formlab.data.ProjectPaths;
import formlab.image.ImageDecoder;
import formlab.pose.Joint;
import formlab.pose.PoseSequence;
import formlab.pose.io.ExerciseCorrectionReader;
import formlab.pose.io.LandmarkRead;
import formlab.posture.SquatReps;

/**
 * Video -> landmarks -> squat phases and repetitions, end to end, on an MP4 encoded here with
 * JCodec from real photos. There is no squat video in the data, so the "video" holds a standing
 * tree-pose photo and a goddess photo (a wide squat) in turns, five frames each, after a blank
 * frame with nobody in it: two squats, as far as the squat-phase classifier can tell.
 */
class VideoFramesTest {

    private static final int HOLD = 5;
    private static final int SIZE = 256;

    @Test
    void anMp4OfRealPhotosBecomesALandmarkFileTheSquatCounterReads(@TempDir Path dir) {
        PoseModels models = PoseModels.locate();
        assumeTrue(models.isProvisioned(PoseModels.Variant.FULL), "MediaPipe Pose models not provisioned (make pose-models)");
        var photos = DataSettings.dataset("images-yoga-5class");
        assumeTrue(photos.isPresent(), "images-yoga-5class not available");
        // A tree pose and a goddess photo whose person the landmark model finds (checked in PoseEstimatorTest's folders).
        ImageDecoder decoder = new ImageDecoder();
        BufferedImage standing = decoder.decode(photos.get().resolve("VRIKSHASANA/Tree-Pose_Andrew-Clark.jpg")).image();
        BufferedImage squat = decoder.decode(photos.get().resolve("UTKATA KONASANA/00000102.jpg")).image();
        BufferedImage nobody = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        List<BufferedImage> frames = VideoFrames.stills(List.of(nobody, standing, squat, standing, squat, standing), HOLD, SIZE);
        Path video = dir.resolve("turns.mp4");
        VideoFrames.write(video, frames, 10);

        VideoFrames.Info info = VideoFrames.info(video);
        assertEquals(frames.size(), info.frames());
        assertEquals(SIZE, info.width());
        assertEquals(10.0, info.fps(), 0.01);
        List<Integer> every2 = new ArrayList<>();
        assertEquals(15, VideoFrames.forEach(video, 2, (index, seconds, image) -> every2.add(index)));
        assertEquals(0, every2.getFirst());
        assertEquals(28, every2.getLast());

        FrameFolders.Result result;
        try (PoseEstimator estimator = new PoseEstimator(models, PoseModels.Variant.FULL, 1)) {
            result = VideoFrames.toCsv(estimator, video, dir.resolve("turns.csv"), "", 1);
        }
        assertEquals(frames.size(), result.frames());
        assertEquals(0, result.unreadable());
        assertEquals(HOLD, result.withoutPerson(), "only the blank frames have nobody in them");

        LandmarkRead read = FrameFolders.read(result.csv());
        PoseSequence sequence = read.sequence();
        assertEquals(frames.size(), sequence.size());
        assertEquals(Joint.COUNT, sequence.jointsInEveryFrame().size());
        // the blank first frames took the first person's landmarks
        assertEquals(sequence.frames().get(HOLD).pose().x(Joint.NOSE), sequence.frames().get(0).pose().x(Joint.NOSE), 1e-6);

        Path sample = ProjectPaths.locate().external().resolve("exercise-correction-sample");
        ExerciseCorrectionReader reader = new ExerciseCorrectionReader();
        SquatReps squats = SquatReps.train(reader.read(sample.resolve("squat_model/train.csv")).sequence(),
                reader.read(sample.resolve("squat_model/test.csv")).sequence());
        SquatReps.Count count = squats.count(sequence);
        assertEquals(sequence.size(), count.phases().size());
        assertTrue(Set.of(SquatReps.UP, SquatReps.DOWN).containsAll(count.phases()), count.phases().toString());
        assertEquals(sequence.size(), count.hipHeight().length);
        assertEquals(2, count.fromPhases().size(), "two goddess holds should read as two squats: " + count.phases());
        for (var rep : count.fromPhases()) {
            assertTrue(rep.start() >= 2 * HOLD - 1 && rep.end() <= 6 * HOLD, rep.toString());
        }
    }

    @Test
    void aFileThatIsNotAVideoIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "these are not H.264 frames");
        VideoDecodeException e = assertThrows(VideoDecodeException.class, () -> VideoFrames.info(notVideo));
        assertTrue(e.getMessage().contains("notes.mp4") && e.getMessage().contains("H.264"), e.getMessage());
        assertThrows(VideoDecodeException.class, () -> VideoFrames.forEach(dir.resolve("missing.mp4"), 1, (i, s, img) -> { }));
    }

    @Test
    void oddFrameSizesAreRejectedBeforeEncoding(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> VideoFrames.write(dir.resolve("odd.mp4"), List.of(new BufferedImage(321, 240, BufferedImage.TYPE_3BYTE_BGR)), 5));
        assertTrue(e.getMessage().contains("321x240"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VideoFrames.stills(List.of(new BufferedImage(8, 8, 1)), 2, 255));
        assertTrue(Files.notExists(dir.resolve("odd.mp4")));
    }
}
