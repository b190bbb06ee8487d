package formlab.posture;

import formlab.pose.Pose;
import formlab.pose.PoseSequence;
import formlab.pose.SkeletonRenderer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pictures of a {@link PoseLabelAudit}: a timeline of the predicted pose of every frame, one row
 * per video, and skeletons of the frames a model calls another pose than the file's, for a
 * person to judge.
 */
public final class PoseAuditPictures {

    private static final Color[] PALETTE = {new Color(0x1F, 0x77, 0xB4), new Color(0xFF, 0x7F, 0x0E),
        new Color(0x2C, 0xA0, 0x2C), new Color(0xD6, 0x27, 0x28), new Color(0x94, 0x67, 0xBD), new Color(0x8C, 0x56, 0x4B),
        new Color(0xE3, 0x77, 0xC2), new Color(0x7F, 0x7F, 0x7F), new Color(0xBC, 0xBD, 0x22), new Color(0x17, 0xBE, 0xCF)};
    private static final int LABEL_WIDTH = 190;
    private static final int BAR_WIDTH = 640;
    private static final int ROW = 14;

    private PoseAuditPictures() {
    }

    /**
     * One row per video: each frame coloured by its predicted pose, the video's id and file label
     * on the left, a black tick where the person starts to move. Rows are as long as the longest
     * video has frames (scaled to the bar width), so lengths compare.
     */
    public static BufferedImage timeline(List<PoseLabelAudit.Video> videos, List<String> classes) {
        int longest = Math.max(1, videos.stream().mapToInt(v -> v.predicted().length).max().orElse(1));
        int legendHeight = 28;
        BufferedImage image = new BufferedImage(LABEL_WIDTH + BAR_WIDTH + 10, videos.size() * ROW + legendHeight + 6,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            double frameWidth = BAR_WIDTH / (double) longest;
            for (int row = 0; row < videos.size(); row++) {
                PoseLabelAudit.Video video = videos.get(row);
                int y = row * ROW + 2;
                g.setColor(Color.DARK_GRAY);
                g.drawString(video.sequence() + " (" + video.fileLabel() + ")", 4, y + ROW - 4);
                String[] predicted = video.predicted();
                for (int f = 0; f < predicted.length; f++) {
                    g.setColor(colour(classes, predicted[f]));
                    int x0 = LABEL_WIDTH + (int) Math.floor(f * frameWidth);
                    int x1 = LABEL_WIDTH + (int) Math.floor((f + 1) * frameWidth);
                    g.fillRect(x0, y, Math.max(1, x1 - x0), ROW - 3);
                }
                if (video.onsetFrame() < predicted.length) {
                    g.setColor(Color.BLACK);
                    int x = LABEL_WIDTH + (int) Math.floor(video.onsetFrame() * frameWidth);
                    g.fillRect(x, y - 1, 2, ROW - 1);
                }
            }
            int x = LABEL_WIDTH;
            int y = videos.size() * ROW + 14;
            for (String label : classes) {
                g.setColor(colour(classes, label));
                g.fillRect(x, y - 9, 12, 10);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label, x + 16, y);
                x += 22 + g.getFontMetrics().stringWidth(label) + 10;
            }
            g.setColor(Color.BLACK);
            g.fillRect(x, y - 10, 2, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString("movement onset", x + 6, y);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The middle frame of each of the first {@code max} segments, drawn as skeletons titled with
     * the video (whose folder is the file label), the frame and what the model called it.
     *
     * @throws IllegalArgumentException when a segment's video is not in {@code sequences}
     */
    public static BufferedImage segments(List<PoseLabelAudit.Segment> segments, List<PoseSequence> sequences, int max,
                                         int columns) {
        Map<String, PoseSequence> byId = new HashMap<>();
        sequences.forEach(s -> byId.put(s.info().id(), s));
        List<Pose> poses = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (PoseLabelAudit.Segment segment : segments.subList(0, Math.min(max, segments.size()))) {
            PoseSequence sequence = byId.get(segment.sequence());
            if (sequence == null) {
                throw new IllegalArgumentException("Segment of " + segment.sequence() + ", which is not among the sequences");
            }
            poses.add(sequence.frames().get(segment.middleFrame()).pose());
            titles.add(segment.sequence() + " #" + segment.middleFrame() + " -> " + segment.predicted());
        }
        return SkeletonRenderer.grid(poses, titles, columns, 300, 260);
    }

    private static Color colour(List<String> classes, String label) {
        int index = classes.indexOf(label);
        return index < 0 ? Color.LIGHT_GRAY : PALETTE[index % PALETTE.length];
    }
}
