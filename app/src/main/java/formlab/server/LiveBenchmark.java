package formlab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live page's load on the server, without a browser, on its two routes: the frames of a landmark file
 * sent over the {@code /api/live} WebSocket at a fixed frame rate, as the page's browser route sends them,
 * each answer awaited ({@link #replay}); and video frames sent as JPEGs, as the page's server route sends
 * them, as fast as the answers come with at most a given number waiting ({@link #replayFrames}). Reports the
 * time the server took per frame (its {@code serverMillis}) and the round trip. Used by
 * {@code formlab bench-serve --landmarks} and {@code --frames}; not a test.
 */
public final class LiveBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first connection trains the squat counter before it says hello (seconds, more on a busy machine). */
    private static final int CONNECT_SECONDS = 180;
    private static final int ANSWER_SECONDS = 10;

    private LiveBenchmark() {
    }

    /**
     * What one replay found.
     *
     * @param frames        frames sent and answered
     * @param fps           the rate they were sent at
     * @param serverMillis  the server's time per frame, sorted
     * @param roundTrip     send to answer per frame, sorted
     * @param squats        the squat count of the last answer
     * @param lateFrames    frames sent later than their slot because the answer before came late
     */
    public record Result(int frames, double fps, double[] serverMillis, double[] roundTrip, int squats, int lateFrames) {

        /** One line: frames, p50/p99/max of the server time and of the round trip. */
        public String summary() {
            return String.format(Locale.ROOT, "%d frames at %.0f fps: server time per frame p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " round trip p50 %.2f ms, p99 %.2f ms; %d late frame(s); %d squat(s) counted",
                    frames, fps, LoadBenchmark.percentile(serverMillis, 0.5), LoadBenchmark.percentile(serverMillis, 0.99),
                    serverMillis[serverMillis.length - 1], LoadBenchmark.percentile(roundTrip, 0.5),
                    LoadBenchmark.percentile(roundTrip, 0.99), lateFrames, squats);
        }
    }

    /** The message the live page sends for {@code pose}: its 132 numbers in PosePilot order. */
    public static String message(long frame, Pose pose) {
        double[] values = new double[Joint.COUNT * 4];
        for (Joint joint : Joint.values()) {
            int at = joint.index() * 4;
            if (pose.isPresent(joint)) {
                values[at] = pose.x(joint);
                values[at + 1] = pose.y(joint);
                values[at + 2] = pose.z(joint);
                values[at + 3] = pose.visibility(joint);
            }
        }
        StringBuilder out = new StringBuilder(values.length * 10).append("{\"frame\":").append(frame).append(",\"landmarks\":[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        return out.append("]}").toString();
    }

    /**
     * Replays {@code sequence} to {@code live} (a {@code ws://.../api/live} address) at {@code fps} frames per
     * second, one frame per slot, waiting for each answer before the next frame.
     *
     * @throws IOException when the connection fails, an answer is an error or does not come in time
     */
    public static Result replay(URI live, PoseSequence sequence, double fps) throws IOException, InterruptedException {
        List<String> messages = new ArrayList<>(sequence.size());
        for (int i = 0; i < sequence.size(); i++) {
            messages.add(message(i, sequence.frames().get(i).pose()));
        }
        return replayMessages(live, messages, fps);
    }

    /**
     * Replays landmark messages ({@code {"frame": n, "landmarks": [...] or null}}) to {@code live} at {@code fps}
     * frames per second, one frame per slot, waiting for each answer before the next frame.
     *
     * @throws IOException when the connection fails, an answer is an error or does not come in time
     */
    public static Result replayMessages(URI live, List<String> messages, double fps) throws IOException, InterruptedException {
        if (messages.isEmpty() || !(fps > 0)) {
            throw new IllegalArgumentException("need frames and a positive frame rate");
        }
        LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        WebSocket socket = open(live, answers);
        try {
            take(answers, live, CONNECT_SECONDS);
            int n = messages.size();
            double[] server = new double[n];
            double[] trip = new double[n];
            int late = 0;
            int squats = 0;
            long period = Math.round(1e9 / fps);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long slot = start + i * period;
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } else if (i > 0) {
                    late++;
                }
                long sent = System.nanoTime();
                socket.sendText(messages.get(i), true).join();
                JsonNode answer = JSON.readTree(take(answers, live, ANSWER_SECONDS));
                trip[i] = (System.nanoTime() - sent) / 1e6;
                if (answer.has("error")) {
                    throw new IOException("frame " + i + " was refused: " + answer.get("error").asText());
                }
                server[i] = answer.get("serverMillis").asDouble();
                squats = answer.get("squats").asInt();
            }
            Arrays.sort(server);
            Arrays.sort(trip);
            return new Result(n, fps, server, trip, squats, late);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /**
     * What one replay of video frames found.
     *
     * @param frames        frames sent and answered
     * @param seconds       from the first frame sent to the last answer
     * @param inFlight      most frames waiting for their answer at once
     * @param serverMillis  the server's time per frame, sorted, the first frame (which opens the models) left out
     * @param roundTrip     send to answer per frame, sorted, the first frame left out
     * @param withPerson    frames where the server found a person
     * @param tracked       frames where only the landmark model ran (the person tracked from the frame before)
     * @param landmarks     the landmark route's message for each frame's answer, in order: the same frames as landmarks
     */
    public record FrameResult(int frames, double seconds, int inFlight, double[] serverMillis, double[] roundTrip, int withPerson,
                              int tracked, List<String> landmarks) {

        /** Frames answered per second. */
        public double fps() {
            return frames / seconds;
        }

        /** One line: frame rate, p50/p99/max of the server time and of the round trip, person and tracking counts. */
        public String summary() {
            return String.format(Locale.ROOT, "%d frames in %.1f s, %.1f frames/s (%d in flight at most): server time per frame"
                    + " p50 %.2f ms, p99 %.2f ms, max %.2f ms; round trip p50 %.2f ms, p99 %.2f ms; person in %d, tracked in %d",
                    frames, seconds, fps(), inFlight, LoadBenchmark.percentile(serverMillis, 0.5), LoadBenchmark.percentile(serverMillis, 0.99),
                    serverMillis[serverMillis.length - 1], LoadBenchmark.percentile(roundTrip, 0.5),
                    LoadBenchmark.percentile(roundTrip, 0.99), withPerson, tracked);
        }
    }

    /**
     * Sends {@code frames} (encoded images, JPEG as the page sends them) to {@code live} as binary messages, the
     * next one as soon as fewer than {@code inFlight} wait for their answer, as the page's server route does.
     *
     * @throws IOException when the connection fails, an answer is an error or does not come in time
     */
    public static FrameResult replayFrames(URI live, List<byte[]> frames, int inFlight) throws IOException, InterruptedException {
        if (frames.size() < 2 || inFlight < 1) {
            throw new IllegalArgumentException("need at least 2 frames and at least 1 frame in flight");
        }
        LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        WebSocket socket = open(live, answers);
        try {
            take(answers, live, CONNECT_SECONDS);
            int n = frames.size();
            long[] sentAt = new long[n];
            double[] server = new double[n - 1];
            double[] trip = new double[n - 1];
            List<String> landmarks = new ArrayList<>(n);
            int withPerson = 0;
            int tracked = 0;
            int sent = 0;
            long start = System.nanoTime();
            for (int received = 0; received < n; received++) {
                while (sent < n && sent - received < inFlight) {
                    sentAt[sent] = System.nanoTime();
                    socket.sendBinary(ByteBuffer.wrap(frames.get(sent)), true).join();
                    sent++;
                }
                JsonNode answer = JSON.readTree(take(answers, live, ANSWER_SECONDS));
                long now = System.nanoTime();
                if (answer.has("error")) {
                    throw new IOException("frame " + received + " was refused: " + answer.get("error").asText());
                }
                if (received > 0) {
                    server[received - 1] = answer.get("serverMillis").asDouble();
                    trip[received - 1] = (now - sentAt[received]) / 1e6;
                }
                JsonNode points = answer.get("landmarks");
                withPerson += points != null && !points.isNull() ? 1 : 0;
                tracked += answer.path("tracked").asBoolean() ? 1 : 0;
                landmarks.add("{\"frame\":" + received + ",\"landmarks\":" + (points == null ? "null" : points.toString()) + "}");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(server);
            Arrays.sort(trip);
            return new FrameResult(n, seconds, inFlight, server, trip, withPerson, tracked, landmarks);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    private static WebSocket open(URI live, LinkedBlockingQueue<String> answers) throws IOException, InterruptedException {
        try {
            return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(live, new Collector(answers)).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not open " + live + ": " + e.getMessage(), e);
        }
    }

    private static String take(LinkedBlockingQueue<String> answers, URI live, int seconds) throws IOException, InterruptedException {
        String answer = answers.poll(seconds, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IOException(live + " did not answer within " + seconds + " s");
        }
        return answer;
    }

    /** Joins the parts of each text message and queues it. */
    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> answers;
        private final List<CharSequence> parts = new ArrayList<>();

        Collector(LinkedBlockingQueue<String> answers) {
            this.answers = answers;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            parts.add(data);
            if (last) {
                answers.add(String.join("", parts));
                parts.clear();
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
