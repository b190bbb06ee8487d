package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import formlab.pose.PoseSequence;
import formlab.pose.estimate.FrameFolders;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;
import formlab.pose.estimate.VideoFrames;
import formlab.posture.SquatReps;

/**
 * {@code formlab pose-from-video <video.mp4> --out FILE.csv}: 33 landmarks per frame of an MP4
 * (H.264, decoded in pure Java), written as one PosePilot-layout CSV; {@code --squat} then prints the
 * squat phases and repetitions found in it.
 */
public final class PoseFromVideoCommand implements Command {

    @Override
    public String name() {
        return "pose-from-video";
    }

    @Override
    public String summary() {
        return "33 pose landmarks per video frame (MP4/H.264, pure Java) to one landmark CSV; optional squat count";
    }

    @Override
    public String usage() {
        return """
                usage: formlab pose-from-video [--model lite|full|heavy] [--every N] [--label NAME] [--squat] <video.mp4> --out FILE.csv
                  --model   landmark model size (default full)
                  --every   keep every Nth frame (default 1 = all)
                  --label   value of the asana column (default: unlabelled)
                  --squat   then count squats: squat-phase classifier (trained on the exercise-correction squat
                            files, or their MIT sample) and hip-height rep counter
                Frames without a person repeat the previous landmarks (counted). Needs `make pose-models`.
                Videos JCodec cannot decode (e.g. H.264 high profile with 8x8 transforms, HEVC): extract frames
                with any tool and use `formlab pose-from-image --frames DIR --out FILE.csv`.""";
    }

    @Override
    public int run(Args args, PrintStream out) {
        PoseModels.Variant variant = PoseOptions.variant(args);
        int every = args.integer("every", 1);
        String label = args.option("label").orElse("");
        boolean squat = args.flag("squat");
        Path csv = args.option("out").map(Path::of).orElse(null);
        var files = args.positionals();
        args.rejectUnknown();
        if (files.size() != 1 || csv == null) {
            throw new UsageException("give one video file and --out FILE.csv");
        }
        if (every < 1) {
            throw new UsageException("--every must be >= 1, got " + every);
        }
        Path video = Path.of(files.getFirst());
        if (!Files.isRegularFile(video)) {
            throw new UsageException(video + ": no such file");
        }
        VideoFrames.Info info = VideoFrames.info(video);
        out.printf(Locale.ROOT, "%s: %d frames, %.1f s, %dx%d, %.1f fps%n", video, info.frames(), info.seconds(), info.width(),
                info.height(), info.fps());
        FrameFolders.Result r;
        try (PoseEstimator estimator = new PoseEstimator(PoseModels.locate(), variant, 1)) {
            r = VideoFrames.toCsv(estimator, video, csv, label, every);
        }
        out.printf("%s: %d frames (%d without a person)%n", r.csv(), r.frames(), r.withoutPerson());
        if (squat) {
            SquatReps squats = SquatReps.standard();
            out.printf(Locale.ROOT, "squat-phase classifier: accuracy %.3f on the squat test file%n", squats.test().accuracy());
            PoseSequence sequence = FrameFolders.read(r.csv()).sequence();
            SquatReps.Count count = squats.count(sequence);
            out.println(count.summary());
            out.println("phases: " + String.join(" ", count.phases()));
        }
        return 0;
    }
}
