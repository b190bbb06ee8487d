package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import formlab.image.ImageDecodeException;
import formlab.pose.estimate.FrameFolders;
import formlab.pose.estimate.LandmarkCsv;
import formlab.pose.estimate.LandmarkEstimate;
import formlab.pose.estimate.PoseEstimator;
import formlab.pose.estimate.PoseModels;

/**
 * {@code formlab pose-from-image <file...>}: 33 BlazePose landmarks per image, printed as CSV in the
 * PosePilot layout; {@code --frames DIR --out FILE} turns a folder of video frames into one landmark file.
 */
public final class PoseFromImageCommand implements Command {

    @Override
    public String name() {
        return "pose-from-image";
    }

    @Override
    public String summary() {
        return "33 pose landmarks of image files (MediaPipe Pose via TFLite), as PosePilot-layout CSV";
    }

    @Override
    public String usage() {
        return """
                usage: formlab pose-from-image [--model lite|full|heavy] [--label NAME] <image file>...
                       formlab pose-from-image [--model ...] [--label NAME] --frames DIR --out FILE.csv
                  --model   landmark model size (default full)
                  --label   value of the asana column (default: unlabelled)
                  --frames  a folder of video frames (sorted by name) -> one CSV written to --out
                Prints header 0..131,asana then one row per image (x, y, z, visibility of 33 landmarks,
                image-normalised). Needs the models: run `make pose-models` once.
                Exit status 1 when any file could not be read or shows no person.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws java.io.IOException {
        PoseModels.Variant variant = PoseOptions.variant(args);
        String label = args.option("label").orElse("");
        Path frames = args.option("frames").map(Path::of).orElse(null);
        Path csv = args.option("out").map(Path::of).orElse(null);
        List<String> files = args.positionals();
        args.rejectUnknown();
        if (frames == null && files.isEmpty()) {
            throw new UsageException("give at least one image file, or --frames DIR --out FILE");
        }
        if (frames != null && (csv == null || !files.isEmpty() || !Files.isDirectory(frames))) {
            throw new UsageException("--frames needs an existing folder and --out FILE, and no image files");
        }
        try (PoseEstimator estimator = new PoseEstimator(PoseModels.locate(), variant, 1)) {
            if (frames != null) {
                FrameFolders.Result r = FrameFolders.toCsv(estimator, frames, csv, label);
                out.printf("%s: %d frames (%d without a person, %d unreadable)%n", r.csv(), r.frames(), r.withoutPerson(), r.unreadable());
                return r.unreadable() == 0 ? 0 : 1;
            }
            out.println(LandmarkCsv.header());
            int failures = 0;
            for (String file : files) {
                try {
                    LandmarkEstimate e = estimator.estimate(Path.of(file));
                    if (!e.personFound()) {
                        System.err.printf("%s: no person found (score %.2f)%n", file, e.poseScore());
                        failures++;
                        continue;
                    }
                    out.println(LandmarkCsv.row(e.pose(), label));
                } catch (ImageDecodeException e) {
                    System.err.println(file + ": " + e.getMessage());
                    failures++;
                }
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
