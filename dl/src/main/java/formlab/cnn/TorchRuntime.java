package formlab.cnn;

import com.sun.jna.Library;
import com.sun.jna.Native;
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
 */
public final class TorchRuntime {

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
        if (System.getenv("OMP_WAIT_POLICY") == null) {
            try {
                CLibrary.INSTANCE.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.debug("Cannot set OMP_WAIT_POLICY; PyTorch threads may spin on busy machines", e);
            }
        }
    }

    /** The C library's {@code setenv}. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.load("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
