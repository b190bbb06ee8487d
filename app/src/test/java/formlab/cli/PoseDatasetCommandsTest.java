package formlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import formlab.dataset.DatasetDescriptions;
import formlab.dataset.LoadedDescription;
import formlab.options.Args;
import formlab.pose.io.DescribedPose;
import formlab.pose.io.DescribedPoses;
import formlab.posture.DescribedPoseScoring;
import formlab.posture.LivePoseTracker;
import formlab.posture.PoseRepCountTraining;
import formlab.posture.SalientPoseCounter;
import formlab.registry.ModelCard;
import formlab.registry.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training and evaluating from a landmark dataset description, on a small synthetic dataset written
 * as .npy files: two movements (arms or legs swinging), three subjects.
 */
class PoseDatasetCommandsTest {

    @TempDir
    Path dir;

    @Test
    void trainRegistersAModelWhoseCardHoldsTheDescriptionHash() throws Exception {
        LoadedDescription description = dataset();
        Path models = dir.resolve("models");
        String text = run(() -> PoseDatasetCommands.train(description, args("--trees", "20", "--models", models.toString(),
                "--name", "synthetic-class"), out));
        ModelRegistry registry = new ModelRegistry(models, null);
        ModelCard card = registry.card("synthetic-class", 1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(description.file())));
        assertEquals(sha, card.recipe().pipeline().get("descriptionSha256"));
        assertEquals("synthetic", card.recipe().pipeline().get("description"));
        assertEquals(List.of("arms", "legs"), card.classes());
        assertEquals(12, card.data().size(), "every recording file is on the card");
        double sequences = card.metric("sequence_accuracy").orElseThrow().value();
        assertEquals(1.0, sequences, 1e-9, text);
        assertTrue(text.contains("registered synthetic-class:1") || text.contains("registered synthetic-class"), text);
        assertEquals(List.of("arms", "legs"), registry.load("synthetic-class", 1).classes());
    }

    @Test
    void trainsOnTwoRepCountStudentsFromTheBuiltInDescription() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(formlab.data.DataSettings.dataset("pose-repcount").isPresent(),
                "pose-repcount not available (FORMLAB_DATA_DIR)");
        LoadedDescription description = DatasetDescriptions.builtIn("pose-repcount");
        Path models = dir.resolve("models");
        String text = run(() -> PoseDatasetCommands.train(description, args("--trees", "30", "--subjects", "stu1,stu5",
                "--models", models.toString()), out));
        ModelCard card = new ModelRegistry(models, null).card("pose-repcount-class", 1);
        byte[] resource;
        try (var in = getClass().getClassLoader().getResourceAsStream("formlab/dataset/descriptions/pose-repcount.json")) {
            resource = in.readAllBytes();
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(resource)),
                card.recipe().pipeline().get("descriptionSha256"), text);
        assertEquals(List.of("stu1", "stu5"), card.groups());
        assertEquals(16, card.data().size(), "6 videos of stu1 and 10 of stu5");
        assertTrue(card.classes().containsAll(List.of("front_raise", "jump_jack", "pull_up", "situp", "squat")), card.classes().toString());
    }

    @Test
    void trainsTheRepetitionCounterOnFourRepCountStudents() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(formlab.data.DataSettings.dataset("pose-repcount").isPresent(),
                "pose-repcount not available (FORMLAB_DATA_DIR)");
        LoadedDescription description = DatasetDescriptions.builtIn("pose-repcount");
        Path models = dir.resolve("models");
        String text = run(() -> PoseDatasetCommands.train(description, args("--task", "reps", "--trees", "5", "--subjects",
                "stu1,stu2,stu5,stu8", "--models", models.toString()), out));
        ModelCard card = new ModelRegistry(models, null).card("pose-repcount-reps", 1);
        assertEquals(List.of("stu1", "stu2", "stu5", "stu8"), card.groups(), text);
        assertEquals(5, card.recipe().pipeline().get("trees"));
        assertEquals(false, card.recipe().pipeline().get("exerciseContext"));
        assertTrue(card.recipe().pipeline().get("descriptionSha256").toString().matches("[0-9a-f]{64}"), text);
        double withinOne = card.metric("count_within_one").orElseThrow().value();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%7.3f", withinOne)), text);
        assertTrue(text.contains("registered pose-repcount-reps v1"), text);
        assertEquals(List.of("boundary", "middle"), card.classes());

        // score: each sequence counted by the registered counter for the class the sequence model predicts
        run(() -> PoseDatasetCommands.train(description, args("--trees", "10", "--subjects", "stu1,stu2,stu5,stu8",
                "--models", models.toString()), out));
        Path table = dir.resolve("scored.csv");
        String scored = run(() -> PoseDatasetScoring.score(description, args("--subjects", "stu1,stu8", "--models",
                models.toString(), "--out", table.toString()), out));
        SalientPoseCounter counter = PoseRepCountTraining.load(new ModelRegistry(models, null), "pose-repcount-reps", 1);
        Map<String, DescribedPose> poses = new java.util.HashMap<>();
        DescribedPoses.load(description).forEach(p -> poses.put(p.id(), p));
        List<String> rows = Files.readAllLines(table);
        assertTrue(rows.size() > 10, rows.toString());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertEquals(counter.count(poses.get(cells[0]).frames(), cells[2]), Integer.parseInt(cells[5]), row);
            assertEquals(poses.get(cells[0]).repetitions().size(), Integer.parseInt(cells[6]), row);
        }
        assertTrue(scored.contains("repetition counter pose-repcount-reps"), scored);
        // replay: a sequence streamed frame by frame ends with the class and count score gave it
        String[] row = rows.get(1).split(",");
        String replayed = run(() -> PoseDatasetScoring.replay(description, args("--recording", row[0], "--models",
                models.toString()), out));
        assertTrue(replayed.contains("final: " + row[2] + ", " + row[5] + " reps (description: " + row[4] + ", " + row[6]
                + " reps)"), replayed);
        assertTrue(scored.contains("repetitions of " + (rows.size() - 1) + " annotated sequences, counted for the predicted class"),
                scored);
    }

    @Test
    void scoreClassifiesEverySequenceAndCountsPeriodicallyWithoutATrainedCounter() throws Exception {
        LoadedDescription description = dataset();
        Path models = dir.resolve("models");
        run(() -> PoseDatasetCommands.train(description, args("--trees", "20", "--models", models.toString()), out));
        Path table = dir.resolve("out/scored.csv");
        Files.createDirectories(table.getParent());
        String text = run(() -> PoseDatasetScoring.score(description, args("--models", models.toString(), "--out",
                table.toString()), out));
        List<String> rows = Files.readAllLines(table);
        assertEquals("sequence,subject,label,confidence,true_label,reps,true_reps", rows.getFirst());
        assertEquals(13, rows.size(), "header and 12 sequences: " + rows);
        Map<String, DescribedPose> poses = new java.util.HashMap<>();
        DescribedPoses.load(description).forEach(p -> poses.put(p.id(), p));
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            DescribedPose pose = poses.get(cells[0]);
            assertEquals(cells[4], cells[2], "trained on these sequences: " + row);
            assertEquals(SalientPoseCounter.periodic().count(pose.frames(), cells[2]), Integer.parseInt(cells[5]), row);
            assertTrue(Integer.parseInt(cells[5]) >= 2, "a swing of 20-35 frames over 120 frames: " + row);
            assertEquals("-1", cells[6], "no annotated repetitions: " + row);
        }
        assertTrue(text.contains("the periodic repetition counter (no trained counter registered)"), text);
        assertTrue(text.contains("12 of 12 with a class in the description get it"), text);
        UsageExceptionCheck.assertUsage(() -> PoseDatasetScoring.score(description, args("--models", models.toString(),
                "--reps-model", "no-such-counter"), out), "no-such-counter");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetScoring.score(description, args("--models", models.toString(),
                "--model", "synthetic-class:7"), out), "no version 7");
    }

    @Test
    void replayStreamsASequenceFrameByFrameAndEndsWhereScoreEnds() throws Exception {
        LoadedDescription description = dataset();
        Path models = dir.resolve("models");
        run(() -> PoseDatasetCommands.train(description, args("--trees", "20", "--window", "20", "--step", "10",
                "--models", models.toString()), out));
        ModelRegistry registry = new ModelRegistry(models, null);
        DescribedPoseScoring.ClassModel model = DescribedPoseScoring.ClassModel.load(registry, "synthetic-class");
        Optional<SalientPoseCounter> counter = Optional.of(SalientPoseCounter.periodic());
        List<DescribedPose> poses = new java.util.ArrayList<>(DescribedPoses.load(description));
        // a camera that loses the person: blank frames before, inside and after the movement are in no window
        DescribedPose first = poses.getFirst();
        double[][][] gappy = new double[first.length() + 9][][];
        double[][] blank = new double[33][3];
        for (int t = 0, source = 0; t < gappy.length; t++) {
            gappy[t] = t < 3 || (t >= 50 && t < 53) || t >= gappy.length - 3 ? blank : first.frames()[source++];
        }
        poses.add(new DescribedPose("gappy", first.file(), first.subject(), first.label(), gappy, first.coordinates(),
                List.of()));
        // frames after the last window: 115 frames, windows end at frame 110; the count still takes all 115
        DescribedPose cut = new DescribedPose("cut", first.file(), first.subject(), first.label(),
                java.util.Arrays.copyOf(poses.get(1).frames(), 115), first.coordinates(), List.of());
        poses.add(cut);
        for (DescribedPose pose : poses) {
            DescribedPoseScoring.Scored whole = DescribedPoseScoring.score(model, counter, List.of(pose)).getFirst();
            LivePoseTracker tracker = new LivePoseTracker(model, counter);
            List<LivePoseTracker.Update> updates = new java.util.ArrayList<>();
            for (double[][] frame : pose.frames()) {
                tracker.accept(frame).ifPresent(updates::add);
            }
            LivePoseTracker.Update last = tracker.finish().orElseThrow();
            int detected = pose.length() - (pose.id().equals("gappy") ? 9 : 0);
            assertEquals((detected - 20) / 10 + 1, updates.size(), "one update per window: " + pose);
            assertEquals(pose.id().equals("cut") ? 110 : detected, updates.getLast().frame()
                    - (pose.id().equals("gappy") ? 6 : 0), pose.toString());
            assertEquals(pose.length(), last.frame(), "the final update is over every frame: " + pose);
            assertEquals(whole.label(), last.label(), pose.toString());
            assertEquals(whole.confidence(), last.confidence(), 1e-12, pose.toString());
            assertEquals(whole.reps(), last.reps(), pose.toString());
            assertEquals(pose.id().equals("gappy") ? 9 : 0, tracker.framesWithoutPerson(), pose.toString());
            assertThrows(IllegalStateException.class, () -> tracker.accept(pose.frames()[0]), "finished");
        }

        DescribedPose pose = poses.getFirst();
        String text = run(() -> PoseDatasetScoring.replay(description, args("--recording", pose.id(), "--models",
                models.toString()), out));
        DescribedPoseScoring.Scored whole = DescribedPoseScoring.score(model, counter, List.of(pose)).getFirst();
        assertTrue(text.contains("final: " + whole.label() + ", " + whole.reps().orElseThrow() + " reps (description: "
                + pose.label() + ", no reps); 120 frames, 11 windows, 0 without a person"), text);
        assertTrue(text.contains("the periodic repetition counter"), text);
        UsageExceptionCheck.assertUsage(() -> PoseDatasetScoring.replay(description, args("--recording", "s9_1",
                "--models", models.toString()), out), pose.id());
        UsageExceptionCheck.assertUsage(() -> PoseDatasetScoring.replay(description, args("--recording", pose.id(),
                "--fps", "-2", "--models", models.toString()), out), "--fps");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetScoring.replay(description, args("--recording", pose.id(),
                "--model", "synthetic-class:4", "--models", models.toString()), out), "no version 4");
    }

    @Test
    void evaluatePrintsBothAccuraciesAndRegistersNothing() throws Exception {
        LoadedDescription description = dataset();
        String text = run(() -> PoseDatasetCommands.evaluate(description, args("--trees", "20", "--window", "20",
                "--step", "10", "--subjects", "s1,s2"), out));
        assertTrue(text.contains("leave-one-subject-out over 2 subjects: per sequence accuracy 1.000 (8 sequences)"), text);
        assertTrue(text.contains("per window"), text);
        assertTrue(text.contains("recall"), "per-class recall: " + text);
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--subjects", "s9"), out), "s9");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--window", "1"), out), "window");
    }

    @Test
    void repetitionTaskRefusesBadOptionsAndDataWithoutBoundaries() throws Exception {
        LoadedDescription description = dataset();
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--task", "quality"), out),
                "--task expects exercise or reps");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--task", "reps", "--context",
                "camera"), out), "--context expects none, true or predicted");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--task", "reps", "--trees", "0"),
                out), "--trees");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--task", "reps", "--windoww", "3"),
                out), "windoww");
        // the synthetic description annotates no repetitions: nothing to count against, said with the file
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--task", "reps"), out),
                "no sequence has annotated repetitions");
        // training names the description key that would give the boundaries, and registers nothing
        Path models = dir.resolve("models");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.train(description, args("--task", "reps", "--models",
                models.toString()), out), "boundaryPrefix");
        assertTrue(new ModelRegistry(models, null).names().isEmpty(), "nothing registered");
        // counted without the class unless asked: the true class as context assumes an error-free classifier
        assertTrue(!PoseRepCommands.settings(args("--task", "reps")).exerciseContext());
        assertTrue(PoseRepCommands.settings(args("--task", "reps", "--context", "true")).exerciseContext());
        assertTrue(!PoseRepCommands.settings(args("--task", "reps", "--context", "true")).predictedClass());
        // predicted: the class context comes from the exercise classifier trained in the same fold
        assertTrue(PoseRepCommands.settings(args("--task", "reps", "--context", "predicted")).predictedClass());
        assertTrue(PoseRepCommands.settings(args("--task", "reps", "--context", "predicted")).exerciseContext());
        UsageExceptionCheck.assertUsage(() -> PoseRepCommands.settings(args("--task", "reps", "--context", "guess")).trees(),
                "none, true or predicted");
        // thresholds are chosen on 3 folds of training subjects unless asked for more (one per subject at most)
        assertEquals(3, PoseRepCommands.settings(args("--task", "reps")).innerFolds());
        assertEquals(10, PoseRepCommands.settings(args("--task", "reps", "--inner-folds", "10")).innerFolds());
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--task", "reps", "--inner-folds", "1"),
                out), "--inner-folds expects at least 2");
        UsageExceptionCheck.assertUsage(() -> PoseDatasetCommands.evaluate(description, args("--inner-folds", "3"), out),
                "inner-folds");
        assertTrue(PoseDatasetCommands.OPTIONS_HELP.contains("<dataset>-reps for --task reps"), PoseDatasetCommands.OPTIONS_HELP);
    }

    @Test
    void aBadRecordingFailsNamingTheFileAndNothingIsRegistered() throws Exception {
        LoadedDescription description = dataset();
        Path bad = description.folder().orElseThrow().resolve("legs/s3_2.npy");
        writeNpy(bad, "<i4", 10, 99, new double[10 * 99]);
        Path models = dir.resolve("models");
        formlab.options.InputException e = assertThrows(formlab.options.InputException.class, () -> PoseDatasetCommands.train(description,
                args("--trees", "5", "--models", models.toString()), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("s3_2.npy") && e.getMessage().contains("<i4"), e.getMessage());
        assertTrue(new ModelRegistry(models, null).names().isEmpty(), "nothing registered");

        Files.write(bad, new byte[] {1, 2, 3});
        formlab.options.InputException f = assertThrows(formlab.options.InputException.class, () -> PoseDatasetCommands.train(
                description, args("--trees", "5", "--models", models.toString()), new PrintStream(new ByteArrayOutputStream())));
        assertTrue(f.getMessage().contains("s3_2.npy"), f.getMessage());
        assertTrue(new ModelRegistry(models, null).names().isEmpty(), "nothing registered");
    }

    @Test
    void scoreAndReplayTakeANewSequenceWithoutClassAndTrainRefusesIt() throws Exception {
        LoadedDescription labelled = dataset();
        Path folder = labelled.folder().orElseThrow();
        StringBuilder annotation = new StringBuilder("name,type\n");
        for (String subject : List.of("s1", "s2", "s3")) {
            for (String movement : List.of("arms", "legs")) {
                for (int take = 1; take <= 2; take++) {
                    annotation.append(movement).append('/').append(subject).append('_').append(take).append(',')
                            .append(movement).append('\n');
                }
            }
        }
        Files.writeString(folder.resolve("annotation.csv"), annotation);
        Path file = folder.resolve("formlab-dataset.json");
        Files.writeString(file, """
                {
                  "name": "synthetic",
                  "modality": "pose",
                  "recordings": {"include": ["*/*.npy"], "format": "npy", "columns": 99,
                    "landmarks": {"layout": "indexed", "count": 33, "values": ["x", "y", "z"]}},
                  "labels": {"path": "{folder}/{subject}_{take}.npy", "subject": "subject",
                    "annotations": [{"file": "annotation.csv", "rows": "recording", "recordingColumn": "name",
                      "recordingPattern": "{folder}/{subject}_{take}", "labelColumn": "type"}]}
                }
                """);
        LoadedDescription description = DatasetDescriptions.read(file);
        Path models = dir.resolve("models");
        run(() -> PoseDatasetCommands.train(description, args("--trees", "20", "--models", models.toString()), out));
        // a new recording, not in annotation.csv: scored with no true class
        Files.copy(folder.resolve("arms/s1_1.npy"), folder.resolve("arms/s9_1.npy"));
        Path table = dir.resolve("scored.csv");
        String text = run(() -> PoseDatasetScoring.score(description, args("--models", models.toString(), "--reps-model", "none",
                "--out", table.toString()), out));
        List<String> rows = Files.readAllLines(table);
        assertEquals(14, rows.size(), "header, 12 annotated and the new sequence: " + rows);
        String added = rows.stream().filter(r -> r.contains("s9")).findFirst().orElseThrow();
        String[] cells = added.split(",", -1);
        assertEquals("arms", cells[2], added);
        assertEquals("", cells[4], "no true label: " + added);
        assertTrue(text.contains("12 of 12 with a class in the description get it"), text);
        assertTrue(text.contains("1 without class"), text);
        String replayed = run(() -> PoseDatasetScoring.replay(description, args("--models", models.toString(), "--reps-model",
                "none", "--recording", cells[0]), out));
        assertTrue(replayed.contains("(description: no class, no reps)"), replayed);
        formlab.options.InputException e = assertThrows(formlab.options.InputException.class, () -> PoseDatasetCommands
                .evaluate(description, args("--trees", "5"), out));
        assertTrue(e.getMessage().contains("s9_1.npy: no class"), e.getMessage());
    }

    @Test
    void trainChecksTheNameAndTheRegistryFolderBeforeTrainingAndStoresTheDescriptionAbsolute() throws Exception {
        LoadedDescription synthetic = dataset();
        Path file = synthetic.file();
        Files.writeString(file, Files.readString(file).replace("\"name\": \"synthetic\"", "\"name\": \"My Phone Data\""));
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        LoadedDescription description = DatasetDescriptions.read(relative);
        Path models = dir.resolve("models");
        Path plainFile = dir.resolve("not-a-folder");
        Files.writeString(plainFile, "x");
        for (String[] bad : List.of(new String[] {"--name", "../evil", "--models", models.toString()},
                new String[] {"--models", plainFile.toString()},
                new String[] {"--models", plainFile.resolve("sub").toString()},
                new String[] {"--task", "reps", "--name", "Bad Name", "--models", models.toString()})) {
            bytes.reset();
            formlab.options.UsageException e = assertThrows(formlab.options.UsageException.class,
                    () -> PoseDatasetCommands.train(description, args(bad), out), List.of(bad).toString());
            assertTrue(e.getMessage().startsWith(bad[0].equals("--task") ? "--name" : bad[0]), e.getMessage());
            assertEquals("", bytes.toString(StandardCharsets.UTF_8), "refused before loading or training");
        }
        assertTrue(Files.notExists(models), "nothing registered");
        run(() -> PoseDatasetCommands.train(description, args("--trees", "10", "--models", models.toString()), out));
        ModelRegistry registry = new ModelRegistry(models, null);
        ModelCard card = registry.card("my-phone-data-class", 1);
        assertEquals(file.toAbsolutePath().normalize().toString(), card.recipe().pipeline().get("descriptionFile"));
        String scored = run(() -> PoseDatasetScoring.score(description, args("--models", models.toString(), "--reps-model",
                "none"), out));
        assertTrue(scored.contains("with model my-phone-data-class v1"), scored);
    }

    @Test
    void aTruncatedRecordingExitsTwoThroughTheCommandLineWithoutTheUsageText() throws Exception {
        LoadedDescription description = dataset();
        run(() -> PoseDatasetCommands.train(description, args("--trees", "10", "--models", dir.resolve("models").toString()),
                out));
        Path bad = description.folder().orElseThrow().resolve("legs/s3_2.npy");
        byte[] whole = Files.readAllBytes(bad);
        Files.write(bad, java.util.Arrays.copyOf(whole, whole.length / 2));
        for (String command : List.of("train", "evaluate", "score")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> line = new java.util.ArrayList<>(List.of(command, "--dataset", description.file().toString()));
            if (!command.equals("evaluate")) {
                line.addAll(List.of("--models", dir.resolve("models").toString()));
            }
            int status = Main.run(line, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                    StandardCharsets.UTF_8));
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, status, command + ": " + text);
            assertTrue(text.contains("s3_2.npy") && !text.contains("usage: formlab"), text);
        }
    }

    // --- helpers ---

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private interface Call {
        int call() throws Exception;
    }

    private String run(Call call) throws Exception {
        assertEquals(0, call.call());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Args args(String... values) {
        return Args.parse(List.of(values));
    }

    /** Small helper: a call must fail with a usage error mentioning {@code word}. */
    private static final class UsageExceptionCheck {
        static void assertUsage(Call call, String word) {
            formlab.options.UsageException e = assertThrows(formlab.options.UsageException.class, call::call);
            assertTrue(e.getMessage().contains(word), e.getMessage());
        }
    }

    /** Three subjects, two takes each of arms and legs swinging, 120 frames of 33 landmarks (x, y, z). */
    private LoadedDescription dataset() throws IOException {
        Path folder = dir.resolve("synthetic");
        Random random = new Random(7);
        for (String subject : List.of("s1", "s2", "s3")) {
            for (String movement : List.of("arms", "legs")) {
                Files.createDirectories(folder.resolve(movement));
                for (int take = 1; take <= 2; take++) {
                    double period = 20 + random.nextInt(15);
                    double[] values = new double[120 * 99];
                    for (int t = 0; t < 120; t++) {
                        double swing = 0.15 * Math.sin(2 * Math.PI * t / period);
                        for (int j = 0; j < 33; j++) {
                            double[] p = standing(j);
                            boolean arm = j >= 13 && j <= 22;
                            boolean leg = j >= 25;
                            if (movement.equals("arms") && arm) {
                                p[1] -= swing * (j >= 15 ? 2 : 1);
                            }
                            if (movement.equals("legs") && leg) {
                                p[0] += swing * (j % 2 == 0 ? 1 : -1);
                            }
                            values[t * 99 + j * 3] = p[0] + 0.005 * random.nextGaussian();
                            values[t * 99 + j * 3 + 1] = p[1] + 0.005 * random.nextGaussian();
                            values[t * 99 + j * 3 + 2] = 0;
                        }
                    }
                    writeNpy(folder.resolve(movement + "/" + subject + "_" + take + ".npy"), "<f4", 120, 99, values);
                }
            }
        }
        Path file = folder.resolve("formlab-dataset.json");
        Files.writeString(file, """
                {
                  "name": "synthetic",
                  "title": "arms or legs swinging, 3 subjects",
                  "modality": "pose",
                  "recordings": {"include": ["*/*.npy"], "format": "npy", "columns": 99,
                    "landmarks": {"layout": "indexed", "count": 33, "values": ["x", "y", "z"]}},
                  "labels": {"path": "{class}/{subject}_{take}.npy", "class": "class", "subject": "subject"}
                }
                """);
        return DatasetDescriptions.read(file);
    }

    /** A standing person in image coordinates: head at the top, left side (odd indices) on the right. */
    private static double[] standing(int joint) {
        double side = joint == 0 ? 0 : (joint % 2 == 1 ? 1 : -1);
        double y;
        double x;
        if (joint <= 10) {
            y = 0.1;
            x = 0.5 + 0.02 * side;
        } else if (joint <= 12) {
            y = 0.25;
            x = 0.5 + 0.1 * side;
        } else if (joint <= 14) {
            y = 0.4;
            x = 0.5 + 0.12 * side;
        } else if (joint <= 22) {
            y = 0.55;
            x = 0.5 + 0.13 * side;
        } else if (joint <= 24) {
            y = 0.55;
            x = 0.5 + 0.07 * side;
        } else if (joint <= 26) {
            y = 0.72;
            x = 0.5 + 0.07 * side;
        } else {
            y = 0.9;
            x = 0.5 + 0.07 * side;
        }
        return new double[] {x, y};
    }

    private static void writeNpy(Path file, String descr, int rows, int columns, double[] values) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        buffer.putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double value : values) {
            if (descr.endsWith("f4")) {
                buffer.putFloat((float) value);
            } else {
                buffer.putInt((int) value);
            }
        }
        Files.write(file, buffer.array());
    }
}
