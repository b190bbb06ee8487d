package formlab.cnn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide settings for DJL's PyTorch engine, applied once before the engine loads.
 *
 * <p>OpenMP threads in libtorch busy-wait for work by default. On a machine whose cores are
 * shared with other processes (a laptop running a notebook server, CI runners, our two-core
 * build box) the spinning threads fight the other processes and each other: we measured epochs
 * of the yoga CNN at 8-37 s instead of 1-3 s. {@code OMP_WAIT_POLICY=PASSIVE} makes idle threads
 * sleep, which removes the slowdown and costs nothing measurable on an idle machine. OpenMP reads
 * the variable when libtorch loads, so it is set here in the process environment (through JNA,
 * which DJL already depends on) unless the user set it. DJL's offline mode is switched on too,
 * so nothing is downloaded.
 *
 * <p><b>Correct and reproducible training.</b> Two settings make seeded training give the same
 * model on any x86 machine, under any load:
 * <ul>
 *   <li>oneDNN, which libtorch uses for convolutions, is held to its AVX2 kernels
 *       ({@code ONEDNN_MAX_CPU_ISA=AVX2}, and ATen's own kernels likewise with
 *       {@code ATEN_CPU_CAPABILITY=avx2}). On an AMD EPYC with AVX-512, libtorch 2.7.1's AVX-512
 *       convolution backward gave wrong gradients: with two threads, the gradients of the
 *       convolutions and batch norms of the tests' small ResNets (widths 4, 6, 8 and 24, of 16 and
 *       32 none) differed from the one-thread gradients by as much as the gradients themselves,
 *       and even on one thread, runs on a loaded machine now and then turned a layer's weights to
 *       NaN within the first epoch. Held to AVX2, the two-thread gradients equal the one-thread
 *       ones to 1e-4 and the NaNs are gone. It also means a machine with AVX-512 and one without
 *       run the same kernels.</li>
 *   <li>Training runs on a fixed number of intra-op threads ({@link #reproducibly}):
 *       {@value #DEFAULT_TRAINING_THREADS} unless the setting {@value #TRAINING_THREADS_PROPERTY}
 *       (system property) or {@value #TRAINING_THREADS_VARIABLE} (environment variable) says
 *       otherwise. Threads split sums differently, so another count gives another (equally good)
 *       model; one thread is the count every machine has. Inference keeps libtorch's default.</li>
 * </ul>
 * One defect remains: a network only 6 channels wide (widths 4, 8, 16 and 24 are fine) still
 * turns NaN now and then on one thread, at a step that differs from run to run. Such a run stops
 * with {@link TrainingDivergedException} rather than go on silently.
 * Like {@code OMP_WAIT_POLICY}, the instruction-set caps are read when the libraries start, so
 * they are set here unless the user set them. The inter-op pool (parallel independent operators,
 * which eager training does not use) is fixed at one thread.
 */
public final class TorchRuntime {

    /** System property naming the intra-op threads used for training. */
    public static final String TRAINING_THREADS_PROPERTY = "formlab.cnn.trainingThreads";
    /** Environment variable naming the intra-op threads used for training (the property wins). */
    public static final String TRAINING_THREADS_VARIABLE = "FORMLAB_CNN_TRAINING_THREADS";
    /** Training threads when nothing is set: one thread, the only count whose results never depend on load. */
    public static final int DEFAULT_TRAINING_THREADS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
    private static boolean prepared;

    private TorchRuntime() {
    }

    /** Applies the settings; harmless to call many times. Call before the first DJL/PyTorch use. */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        setUnlessSet("OMP_WAIT_POLICY", "PASSIVE", "PyTorch threads may spin on busy machines");
        setUnlessSet("ONEDNN_MAX_CPU_ISA", "AVX2", "convolution gradients may be wrong on AVX-512 machines");
        setUnlessSet("ATEN_CPU_CAPABILITY", "avx2", "results may differ between machines");
    }

    private static void setUnlessSet(String variable, String value, String consequence) {
        if (System.getenv(variable) != null) {
            return;
        }
        try {
            CLibrary.INSTANCE.setenv(variable, value, 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.warn("Cannot set {}={}: {}", variable, value, consequence, e);
        }
    }

    /**
     * The intra-op threads training runs on: {@value #TRAINING_THREADS_PROPERTY}, else
     * {@value #TRAINING_THREADS_VARIABLE}, else {@value #DEFAULT_TRAINING_THREADS}.
     *
     * @throws IllegalArgumentException when the setting is not a positive whole number
     */
    public static int trainingThreads() {
        String property = System.getProperty(TRAINING_THREADS_PROPERTY);
        String variable = System.getenv(TRAINING_THREADS_VARIABLE);
        String name = property != null ? TRAINING_THREADS_PROPERTY : TRAINING_THREADS_VARIABLE;
        String value = property != null ? property : variable;
        if (value == null || value.isBlank()) {
            return DEFAULT_TRAINING_THREADS;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of threads >= 1, got '" + value + "'");
    }

    /**
     * Runs {@code training} on the calling thread with {@link #trainingThreads()} intra-op
     * threads, then gives libtorch back the count it had, so inference afterwards runs on all
     * cores again.
     */
    public static <T> T reproducibly(Supplier<T> training) {
        return onThreads(trainingThreads(), training);
    }

    /** Runs {@code work} on the calling thread with {@code threads} intra-op threads, then restores the count. */
    static <T> T onThreads(int threads, Supplier<T> work) {
        prepare();
        Engine.getEngine("PyTorch"); // loads libtorch before its thread settings are touched
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** The C library's {@code setenv}. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
