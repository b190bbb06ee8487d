package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.image.DecodedImage;
import formlab.image.ImageDecodeException;
import formlab.image.ImageDecoder;
import formlab.cnn.CnnImageClassifier;
import formlab.cnn.ImageCnnRegistration;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** {@code formlab predict-image <file...>}: class probabilities of image files from a saved CNN. */
public final class PredictImageCommand implements Command {

    /** Model folder used when {@code --model} is not given, under the project's models/. */
    public static final String DEFAULT_MODEL = ImageCnnRegistration.YOGA_CNN;

    @Override
    public String name() {
        return "predict-image";
    }

    @Override
    public String summary() {
        return "class probabilities of image files from a saved image CNN";
    }

    @Override
    public String usage() {
        return """
                usage: formlab predict-image [--model DIR] [--top K] <image file>...
                  --model DIR  a registered model (models/NAME: production version, else the latest),
                               a version folder (models/NAME/vN) or a saved CNN folder; default models/%s
                  --top K      print only the K most probable classes (default: all)
                Files are decoded by content: JPEG, PNG, WebP, GIF, BMP, TIFF, whatever the extension says.
                A damaged file (a truncated JPEG) is classified on what it holds, with a warning line.
                Images whose shorter side is under %d px are refused, as in training.
                Exit status 1 when any file could not be read.""".formatted(DEFAULT_MODEL, ImageDecoder.DEFAULT_MIN_SIDE);
    }

    @Override
    public int run(Args args, PrintStream out) throws java.io.IOException {
        Path model = args.option("model").map(Path::of).orElseGet(() -> ProjectPaths.locate().models().resolve(DEFAULT_MODEL));
        int top = args.integer("top", Integer.MAX_VALUE);
        List<String> files = args.positionals();
        args.rejectUnknown();
        if (files.isEmpty()) {
            throw new UsageException("give at least one image file");
        }
        if (top < 1) {
            throw new UsageException("--top must be at least 1, got " + top);
        }
        int failures = 0;
        ImageDecoder decoder = new ImageDecoder();
        try (CnnImageClassifier classifier = ImageCnnRegistration.loadFrom(model)) {
            List<String> classes = classifier.classes();
            for (String file : files) {
                try {
                    DecodedImage image = decoder.decode(Path.of(file));
                    double[] p = classifier.probabilities(image.image());
                    out.println(file);
                    if (image.damaged()) {
                        out.println("  warning: damaged " + image.format() + " data, classified on what the file holds ("
                                + String.join("; ", image.damage()) + ")");
                    }
                    IntStream.range(0, classes.size()).boxed().sorted(Comparator.comparingDouble(i -> -p[i])).limit(top)
                            .forEach(i -> out.printf(Locale.ROOT, "  %6.3f  %s%n", p[i], classes.get(i)));
                } catch (ImageDecodeException e) {
                    out.println(file);
                    out.println("  error: " + e.detail());
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
