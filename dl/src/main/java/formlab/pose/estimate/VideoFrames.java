package formlab.pose.estimate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;
import org.jcodec.scale.AWTUtil;

import formlab.data.AtomicFiles;
import formlab.image.Letterbox;

/**
 * Video files to landmark files, in pure Java: JCodec ({@code org.jcodec:jcodec}, BSD-2) demuxes the
 * MP4 and decodes its H.264 track frame by frame, each frame goes through the {@link PoseEstimator},
 * and the landmarks are written as one PosePilot-layout CSV ({@link LandmarkCsv}), the layout that
 * {@link FrameFolders#read} and the sequence classifiers and rep counters take. Rotation metadata
 * (phone videos) is applied, so people stand upright.
 *
 * <p>Limits, from JCodec: MP4/MOV with H.264 only (no HEVC, VP9, AV1); its decoder covers baseline
 * and main profile, and high-profile files using 8x8 transforms may fail with a
 * {@link VideoDecodeException} naming the frame. For those, extract frames with any tool
 * ({@code ffmpeg -i in.mp4 frames/%05d.png}) and use {@link FrameFolders}. Decoding is single-threaded
 * and far slower than native decoders, which matters little next to the landmark model.
 */
public final class VideoFrames {

    /** Receives decoded frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * @param index   frame number in the file (0-based, counting skipped frames)
         * @param seconds presentation time
         * @param image   the frame, upright
         */
        void accept(int index, double seconds, BufferedImage image);
    }

    /**
     * What a video holds, from its container.
     *
     * @param frames  frames in the video track
     * @param seconds duration
     * @param width   frame width in pixels (before rotation)
     * @param height  frame height in pixels (before rotation)
     */
    public record Info(int frames, double seconds, int width, int height) {
        /** Mean frames per second. */
        public double fps() {
            return seconds > 0 ? frames / seconds : Double.NaN;
        }
    }

    private VideoFrames() {
    }

    /** The video track's frame count, duration and size. */
    public static Info info(Path video) {
        try (SeekableByteChannel channel = open(video)) {
            FrameGrab grab = grab(video, channel);
            DemuxerTrackMeta meta = grab.getVideoTrack().getMeta();
            var size = meta.getVideoCodecMeta() == null ? null : meta.getVideoCodecMeta().getSize();
            return new Info(meta.getTotalFrames(), meta.getTotalDuration(), size == null ? -1 : size.getWidth(),
                    size == null ? -1 : size.getHeight());
        } catch (IOException e) {
            throw new VideoDecodeException(video, -1, "cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Decodes every {@code everyNth} frame (1 = all) of {@code video} in order and hands it to {@code sink}.
     *
     * @return frames handed over
     * @throws VideoDecodeException when the file is not a readable MP4 with H.264 video, or a frame fails to decode
     */
    public static int forEach(Path video, int everyNth, FrameSink sink) {
        if (everyNth < 1) {
            throw new IllegalArgumentException("everyNth must be >= 1, got " + everyNth);
        }
        int index = 0;
        int handed = 0;
        try (SeekableByteChannel channel = open(video)) {
            FrameGrab grab = grab(video, channel);
            DemuxerTrackMeta.Orientation orientation = grab.getVideoTrack().getMeta().getOrientation();
            while (true) {
                PictureWithMetadata frame;
                try {
                    frame = grab.getNativeFrameWithMetadata();
                } catch (RuntimeException e) {
                    throw new VideoDecodeException(video, index, "JCodec cannot decode this frame (" + e
                            + "); expected H.264 baseline or main profile, or extract frames to a folder instead", e);
                }
                if (frame == null) {
                    return handed;
                }
                if (index % everyNth == 0) {
                    BufferedImage image = AWTUtil.toBufferedImage(frame.getPicture(),
                            orientation == null ? DemuxerTrackMeta.Orientation.D_0 : orientation);
                    sink.accept(index, frame.getTimestamp(), image);
                    handed++;
                }
                index++;
            }
        } catch (IOException e) {
            throw new VideoDecodeException(video, index, "read failed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Estimates the landmarks of every {@code everyNth} frame of {@code video} and writes them to
     * {@code csv} (atomically), every row labelled {@code label}. Frames without a person repeat the
     * previous frame's landmarks and are counted ({@link FrameFolders.Result#withoutPerson()}).
     *
     * @throws IllegalArgumentException when no frame shows a person
     */
    public static FrameFolders.Result toCsv(PoseEstimator estimator, Path video, Path csv, String label, int everyNth) {
        LandmarkTrack track = new LandmarkTrack();
        forEach(video, everyNth, (index, seconds, image) -> track.add(estimator.estimate(image)));
        return track.write(video, csv, label);
    }

    /**
     * Encodes {@code frames} as an H.264 MP4 at {@code fps} frames per second with JCodec's encoder
     * (written to a temporary file, then renamed). Meant for tests and demos: JCodec's encoder is
     * simple (baseline profile, intra-heavy), so files are large. Frames must share one size, with
     * even width and height (4:2:0 chroma).
     *
     * @throws IllegalArgumentException when the frames are empty or differ in size, or a side is odd
     */
    public static void write(Path video, List<BufferedImage> frames, int fps) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException(video + ": no frames to encode");
        }
        int w = frames.getFirst().getWidth();
        int h = frames.getFirst().getHeight();
        if (w % 2 != 0 || h % 2 != 0) {
            throw new IllegalArgumentException(video + ": frame size " + w + "x" + h + " must be even in both sides (H.264 4:2:0)");
        }
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).getWidth() != w || frames.get(i).getHeight() != h) {
                throw new IllegalArgumentException(video + ": frame " + i + " is " + frames.get(i).getWidth() + "x"
                        + frames.get(i).getHeight() + ", expected " + w + "x" + h + " like frame 0");
            }
        }
        try {
            // The MP4 muxer seeks back into its file, so it writes a scratch file that is then copied atomically.
            Path scratch = Files.createTempFile("formlab-video", ".mp4");
            try {
                // the channel is ours, so it is closed even when encoding fails half-way
                try (FileChannelWrapper channel = NIOUtils.writableChannel(scratch.toFile())) {
                    AWTSequenceEncoder encoder = new AWTSequenceEncoder(channel, Rational.R(fps, 1));
                    for (BufferedImage frame : frames) {
                        encoder.encodeImage(frame);
                    }
                    encoder.finish();
                }
                AtomicFiles.write(video, out -> Files.copy(scratch, out));
            } finally {
                Files.deleteIfExists(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(video + ": cannot write the video (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Frames for a video made of still images: each image letterboxed (grey) into a
     * {@code size} x {@code size} square and repeated {@code framesEach} times, as if the person held
     * the pose. For demos and tests where no real video exists; {@code size} must be even.
     */
    public static List<BufferedImage> stills(List<BufferedImage> images, int framesEach, int size) {
        if (size % 2 != 0 || framesEach < 1) {
            throw new IllegalArgumentException("size must be even and framesEach >= 1, got " + size + " and " + framesEach);
        }
        List<BufferedImage> frames = new ArrayList<>();
        for (BufferedImage image : images) {
            BufferedImage square = Letterbox.apply(image, size);
            for (int i = 0; i < framesEach; i++) {
                frames.add(square);
            }
        }
        return frames;
    }

    private static SeekableByteChannel open(Path video) {
        if (!Files.isRegularFile(video)) {
            throw new VideoDecodeException(video, -1, "no such video file", null);
        }
        try {
            return NIOUtils.readableChannel(video.toFile());
        } catch (IOException e) {
            throw new VideoDecodeException(video, -1, "cannot open (" + e.getMessage() + ")", e);
        }
    }

    private static FrameGrab grab(Path video, SeekableByteChannel channel) {
        try {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            if (grab.getVideoTrack() == null) {
                throw new VideoDecodeException(video, -1, "no video track; expected an MP4 with H.264 video", null);
            }
            return grab;
        } catch (JCodecException | IOException | RuntimeException e) {
            if (e instanceof VideoDecodeException v) {
                throw v;
            }
            throw new VideoDecodeException(video, -1, "not a video JCodec can read (" + e.getMessage()
                    + "); expected an MP4/MOV with an H.264 track", e);
        }
    }
}
