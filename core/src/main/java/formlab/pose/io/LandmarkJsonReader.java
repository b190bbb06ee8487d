package formlab.pose.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import formlab.pose.CoordinateSpace;
import formlab.pose.Joint;
import formlab.pose.Pose;
import formlab.pose.PoseFrame;
import formlab.pose.PoseSequence;
import formlab.pose.SequenceInfo;
import formlab.pose.io.LandmarkFormatException.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pose frames as JSON, the shape MediaPipe Pose hands a browser: {@code {"frames": [frame, ...]}},
 * each frame an array of the 33 BlazePose landmarks in MediaPipe's order, each landmark an object with
 * the numbers {@code x}, {@code y} (image-normalised), {@code z} and {@code visibility} (0..1); other
 * fields of a landmark (such as {@code presence}) are ignored. The poses are the same as the
 * {@link PosePilotReader}'s: {@link CoordinateSpace#IMAGE_NORMALISED} with depth, every joint present
 * with its visibility, frames unlabelled.
 *
 * <p>Every error names the source, the line and column of the JSON text, the frame and the landmark.
 */
public final class LandmarkJsonReader {

    /** Dataset name given to the sequences read. */
    public static final String DATASET = "landmark-json";

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] FIELDS = {"x", "y", "z", "visibility"};

    /**
     * Reads {@code json}; {@code source} names it in messages and in the sequence's info.
     *
     * @throws LandmarkFormatException when it is not valid JSON or not shaped as described above
     */
    public PoseSequence read(byte[] json, Path source) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw fail(parser, source, "expected a JSON object {\"frames\": [...]}, found " + found(parser));
            }
            List<PoseFrame> frames = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!name.equals("frames")) {
                    throw fail(parser, source, "unknown field '" + name + "'; expected only \"frames\"");
                }
                frames = frames(parser, source);
            }
            if (parser.nextToken() != null) {
                throw fail(parser, source, "unexpected " + found(parser) + " after the object");
            }
            if (frames == null || frames.isEmpty()) {
                throw new LandmarkFormatException(Problem.EMPTY_FILE, source, 0, 0,
                        frames == null ? "no \"frames\" array" : "\"frames\" is empty; expected at least one frame");
            }
            return new PoseSequence(new SequenceInfo(source, DATASET, null, null, null), frames);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new LandmarkFormatException(Problem.MALFORMED_JSON, source, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LandmarkFormatException(source, e);
        }
    }

    private static List<PoseFrame> frames(JsonParser parser, Path source) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw fail(parser, source, "\"frames\" must be an array of frames, found " + found(parser));
        }
        List<PoseFrame> frames = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int frame = frames.size();
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw fail(parser, source, "frame " + frame + " must be an array of " + Joint.COUNT + " landmarks, found "
                        + found(parser));
            }
            Pose.Builder pose = Pose.builder(CoordinateSpace.IMAGE_NORMALISED, true);
            int landmark = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (landmark >= Joint.COUNT) {
                    throw fail(parser, source, "frame " + frame + " has more than " + Joint.COUNT
                            + " landmarks; expected the 33 BlazePose landmarks");
                }
                Joint joint = Joint.values()[landmark];
                double[] values = landmark(parser, source, frame, joint);
                pose.set(joint, values[0], values[1], values[2], values[3]);
                landmark++;
            }
            if (landmark != Joint.COUNT) {
                throw fail(parser, source, "frame " + frame + " has " + landmark + " landmarks; expected the "
                        + Joint.COUNT + " BlazePose landmarks");
            }
            frames.add(new PoseFrame(frame, null, pose.build()));
        }
        return frames;
    }

    private static double[] landmark(JsonParser parser, Path source, int frame, Joint joint) throws IOException {
        String where = "frame " + frame + ", landmark " + joint.index() + " (" + joint.mediaPipeName() + ")";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw fail(parser, source, where + ": expected an object {x, y, z, visibility}, found " + found(parser));
        }
        double[] values = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int field = List.of(FIELDS).indexOf(name);
            if (field < 0) {
                parser.skipChildren();
                continue;
            }
            if (!value.isNumeric()) {
                throw fail(parser, source, where + ": expected a number for " + name + ", found " + found(parser));
            }
            values[field] = parser.getDoubleValue();
            if (!Double.isFinite(values[field])) {
                throw fail(parser, source, where + ": expected a finite number for " + name + ", found " + parser.getText());
            }
        }
        for (int i = 0; i < FIELDS.length; i++) {
            if (Double.isNaN(values[i])) {
                throw fail(parser, source, where + ": missing " + FIELDS[i] + "; expected x, y, z and visibility");
            }
        }
        if (values[3] < 0 || values[3] > 1) {
            throw new LandmarkFormatException(Problem.OUT_OF_RANGE, source, line(parser), column(parser),
                    where + ": expected a visibility between 0 and 1, found " + values[3]);
        }
        return values;
    }

    private static String found(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the text";
        }
        return switch (token) {
            case VALUE_STRING -> "the string \"" + parser.getText() + "\"";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> parser.getText();
        };
    }

    private static LandmarkFormatException fail(JsonParser parser, Path source, String detail) {
        return new LandmarkFormatException(Problem.MALFORMED_JSON, source, line(parser), column(parser), detail);
    }

    private static int line(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    private static int column(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getColumnNr());
    }
}
