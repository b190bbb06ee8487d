package formlab.cli;

import formlab.cnn.CnnImageClassifier;
import formlab.cnn.ImageCnnRegistration;
import formlab.image.ImageDecoder;
import formlab.options.Args;
import formlab.options.UsageException;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import formlab.pose.PoseSequence;
import formlab.pose.io.PosePilotReader;
import formlab.server.ApiServer;
import formlab.server.LiveBenchmark;
import formlab.server.LoadBenchmark;
import formlab.server.ServerSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code formlab bench-serve}: requests per second and latency of {@code POST /api/predict/image}, with
 * the same image's in-process inference time and its time through {@code formlab predict-image} in a
 * new JVM beside it; with {@code --landmarks}, the server's time per frame of the live page's
 * WebSocket ({@code /api/live}) replaying a landmark file at 30 frames per second; and with {@code --frames},
 * the live page's server route: a folder of images sent as JPEG video frames over the WebSocket, frames per
 * second and server time per frame, beside the landmark route's server time on the landmarks found.
 */
public final class BenchServeCommand implements Command {

    @Override
    public String name() {
        return "bench-serve";
    }

    @Override
    public String summary() {
        return "benchmark POST /api/predict/image (requests/s, p50/p99) beside the single-image command line,"
                + " and the live WebSocket's frames per second and time per frame";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab bench-serve [--image FILE] [--landmarks CSV] [--frames DIR] [--model NAME] [--models DIR] [--requests N]",
                "                           [--clients N] [--cli-runs N] [--fps 30] [--live-model NAME] [--hold 1] [--width 320]",
                "                           [--max-frames 300] [--complexity 0]",
                "  --image FILE     the photo sent in every request",
                "  --frames DIR     the images of DIR (by name) as video frames over /api/live, as the live page's default route sends",
                "                   them: scaled to --width px (default 320), JPEG, each held for --hold frames (default 1), at most",
                "                   --max-frames (default 300), the next sent as soon as fewer than 2 wait for their answer. Prints",
                "                   frames per second and the server's time per frame (MediaPipe Pose, landmark model --complexity:",
                "                   0 lite, 1 full, 2 heavy), then the landmark route's time on the same frames' landmarks",
                "  --landmarks CSV  a landmark CSV (PosePilot layout) replayed frame by frame over the live page's WebSocket",
                "                   /api/live at --fps frames per second (default 30): the server's time per frame, p50 and p99",
                "  --live-model NAME  the pose classifier the live session answers with (default yoga-pose; skipped when absent)",
                "  --model NAME     registered image CNN (default " + ImageCnnRegistration.YOGA_CNN + ", preferred version)",
                ImuOptions.MODELS_HELP,
                "  --requests N     timed requests per measurement (default 300), after 20 warm-up requests",
                "  --clients N      concurrent clients of the second measurement (default 2; the first uses 1)",
                "  --cli-runs N     runs of predict-image in a new JVM, median reported (default 3)",
                "The server runs in this JVM on 127.0.0.1 (a free port); the clients too, so they share its cores.");
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        String imageOption = args.option("image", null);
        String landmarksOption = args.option("landmarks", null);
        String framesOption = args.option("frames", null);
        int hold = args.integer("hold", 1);
        int width = args.integer("width", 320);
        int maxFrames = args.integer("max-frames", 300);
        String complexity = args.option("complexity", null);
        String name = args.option("model", ImageCnnRegistration.YOGA_CNN);
        int requests = args.integer("requests", 300);
        int clients = args.integer("clients", 2);
        int cliRuns = args.integer("cli-runs", 3);
        int fps = args.integer("fps", 30);
        String liveModel = args.option("live-model", null);
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        if (imageOption == null && landmarksOption == null && framesOption == null) {
            throw new UsageException("give --image FILE, --landmarks CSV, --frames DIR or several");
        }
        if (requests < 1 || clients < 1 || cliRuns < 0 || fps < 1 || hold < 1) {
            throw new UsageException("--requests, --clients, --fps and --hold must be at least 1, --cli-runs at least 0");
        }
        if (width < ImageDecoder.DEFAULT_MIN_SIDE || maxFrames < 2) {
            throw new UsageException("--width must be at least " + ImageDecoder.DEFAULT_MIN_SIDE + " px and --max-frames at least 2");
        }
        if (framesOption != null) {
            benchFrames(readFrames(Path.of(framesOption), width, hold, maxFrames, out), registry, liveModel, complexity, out);
        }
        if (landmarksOption != null) {
            benchLive(Path.of(landmarksOption), registry, fps, liveModel, out);
        }
        if (imageOption != null) {
            benchImage(Path.of(imageOption), name, registry, requests, clients, cliRuns, out);
        }
        return Main.EXIT_OK;
    }

    /** The live WebSocket replaying {@code file} at {@code fps}: one untimed pass trains and warms, the second is reported. */
    private static void benchLive(Path file, ModelRegistry registry, int fps, String model, PrintStream out) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--landmarks " + file + ": no such file");
        }
        PoseSequence sequence = new PosePilotReader().read(file).sequence();
        ServerSettings settings = new ServerSettings(ServerSettings.DEFAULT_HOST, 0, registry,
                ServerSettings.DEFAULT_MAX_BODY_BYTES, ServerSettings.DEFAULT_MAX_IMAGE_PIXELS);
        try (ApiServer server = ApiServer.start(settings)) {
            URI live = URI.create(server.url().replace("http://", "ws://") + "/api/live"
                    + (model == null ? "" : "?model=" + URLEncoder.encode(model, StandardCharsets.UTF_8)));
            out.printf(Locale.ROOT, "%s: %d frames, %d cores; WebSocket %s%n", file.getFileName(), sequence.size(),
                    Runtime.getRuntime().availableProcessors(), live);
            LiveBenchmark.replay(live, sequence.head(Math.min(sequence.size(), 3 * fps)), fps);
            out.println("live WebSocket /api/live, replay: " + LiveBenchmark.replay(live, sequence, fps).summary());
        }
    }

    /** The live page's server route on {@code frames}: one untimed pass warms up, the second is reported, then the landmark route. */
    private static void benchFrames(List<byte[]> frames, ModelRegistry registry, String model, String complexity, PrintStream out)
            throws Exception {
        ServerSettings settings = new ServerSettings(ServerSettings.DEFAULT_HOST, 0, registry,
                ServerSettings.DEFAULT_MAX_BODY_BYTES, ServerSettings.DEFAULT_MAX_IMAGE_PIXELS);
        try (ApiServer server = ApiServer.start(settings)) {
            StringBuilder query = new StringBuilder();
            if (model != null) {
                query.append("model=").append(URLEncoder.encode(model, StandardCharsets.UTF_8));
            }
            if (complexity != null) {
                query.append(query.isEmpty() ? "" : "&").append("complexity=").append(URLEncoder.encode(complexity, StandardCharsets.UTF_8));
            }
            URI live = URI.create(server.url().replace("http://", "ws://") + "/api/live" + (query.isEmpty() ? "" : "?" + query));
            out.printf(Locale.ROOT, "%d cores; WebSocket %s; load average %.2f%n", Runtime.getRuntime().availableProcessors(), live,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            LiveBenchmark.replayFrames(live, frames.subList(0, Math.min(frames.size(), 30)), 2);
            LiveBenchmark.FrameResult video = LiveBenchmark.replayFrames(live, frames, 2);
            out.println("server route, video frames as JPEG (/api/live binary): " + video.summary());
            out.println("landmark route, the same frames' landmarks (/api/live text, 30 fps): "
                    + LiveBenchmark.replayMessages(live, video.landmarks(), 30).summary());
        }
    }

    /**
     * The images of {@code dir} (sorted by name; files that are not decodable images are skipped and counted) scaled to
     * {@code width} px, as JPEGs, each repeated {@code hold} times, at most {@code maxFrames} frames.
     */
    private static List<byte[]> readFrames(Path dir, int width, int hold, int maxFrames, PrintStream out) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--frames " + dir + ": no such folder");
        }
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        ImageDecoder decoder = new ImageDecoder();
        List<byte[]> frames = new ArrayList<>();
        int images = 0;
        int skipped = 0;
        for (Path file : files) {
            if (frames.size() >= maxFrames) {
                break;
            }
            BufferedImage image;
            try {
                image = decoder.decode(file).image();
            } catch (formlab.image.ImageDecodeException e) {
                skipped++;
                continue;
            }
            byte[] jpeg = jpeg(image, width);
            images++;
            for (int i = 0; i < hold && frames.size() < maxFrames; i++) {
                frames.add(jpeg);
            }
        }
        if (frames.size() < 2) {
            throw new UsageException("--frames " + dir + ": " + images + " decodable image(s) give " + frames.size()
                    + " frame(s); need at least 2 (" + skipped + " file(s) skipped)");
        }
        out.printf(Locale.ROOT, "%s: %d images (%d files skipped, not decodable) at %d px width, each held %d frame(s): %d frames,"
                + " %d KiB a frame on average%n", dir, images, skipped, width, hold, frames.size(),
                frames.stream().mapToLong(f -> f.length).sum() / frames.size() / 1024);
        return frames;
    }

    /** {@code image} scaled to {@code width} px (aspect kept) as a JPEG of quality 0.8, as the live page encodes its frames. */
    private static byte[] jpeg(BufferedImage image, int width) throws IOException {
        int height = Math.max(1, (int) Math.round((double) image.getHeight() * width / image.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.8f);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(scaled, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void benchImage(Path image, String name, ModelRegistry registry, int requests, int clients, int cliRuns,
                                   PrintStream out) throws Exception {
        if (!Files.isRegularFile(image)) {
            throw new UsageException("--image " + image + ": no such file");
        }
        ModelCard card = registry.preferred(name).orElseThrow(() -> new IOException("no model '" + name + "' in " + registry.root()));
        byte[] bytes = Files.readAllBytes(image);
        BufferedImage decoded = new ImageDecoder().decode(bytes, image).image();
        out.printf(Locale.ROOT, "%s (%s), image %s (%dx%d, %d bytes), %d cores%n", card.id(), card.stage(), image.getFileName(),
                decoded.getWidth(), decoded.getHeight(), bytes.length, Runtime.getRuntime().availableProcessors());

        try (CnnImageClassifier classifier = ImageCnnRegistration.load(registry, name, card.version())) {
            double[] millis = new double[30];
            for (int i = -5; i < millis.length; i++) {
                long t = System.nanoTime();
                classifier.probabilities(new ImageDecoder().decode(bytes, image).image());
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(millis);
            out.printf(Locale.ROOT, "in process (decode + CnnImageClassifier.probabilities, warm): median %.1f ms over %d%n",
                    millis[millis.length / 2], millis.length);
        }

        ServerSettings settings = new ServerSettings(ServerSettings.DEFAULT_HOST, 0, registry,
                ServerSettings.DEFAULT_MAX_BODY_BYTES, ServerSettings.DEFAULT_MAX_IMAGE_PIXELS);
        try (ApiServer server = ApiServer.start(settings)) {
            URI uri = URI.create(server.url() + "/api/predict/image?model=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
            String type = "application/octet-stream";
            out.println("HTTP POST /api/predict/image, 1 client: " + LoadBenchmark.run(uri, type, bytes, 20, requests, 1).summary());
            if (clients > 1) {
                out.println("HTTP POST /api/predict/image, " + clients + " clients: "
                        + LoadBenchmark.run(uri, type, bytes, 20, requests, clients).summary());
            }
        }

        if (cliRuns > 0) {
            List<Double> seconds = new ArrayList<>();
            for (int i = 0; i < cliRuns; i++) {
                seconds.add(commandLineSeconds(registry.root().resolve(name), image));
            }
            seconds.sort(null);
            out.printf(Locale.ROOT, "command line (predict-image, one image, new JVM): median %.2f s over %d runs (%.2f-%.2f s)%n",
                    seconds.get(seconds.size() / 2), cliRuns, seconds.getFirst(), seconds.getLast());
        }
    }

    /** Wall time of {@code formlab predict-image} on one image in a new JVM with this JVM's class path. */
    private static double commandLineSeconds(Path model, Path image) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "predict-image", "--model", model.toString(), "--top", "1", image.toString());
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("predict-image failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
