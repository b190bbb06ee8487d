package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.registry.ModelRegistry;
import formlab.server.ApiServer;
import formlab.server.ServerSettings;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** {@code formlab serve}: the HTTP API over the model registry, until stopped. */
public final class ServeCommand implements Command {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "HTTP JSON API: predictions from images, landmark CSV and IMU recordings with the registered models";
    }

    @Override
    public String usage() {
        return String.join("\n",
                "usage: formlab serve [--port 8080] [--host 127.0.0.1] [--models DIR] [--max-body-mb 16] [--max-image-mp 25]",
                "  --port N          port to listen on (default " + ServerSettings.DEFAULT_PORT + "; 0 picks a free one)",
                "  --host ADDRESS    address to bind (default " + ServerSettings.DEFAULT_HOST + ": this machine only)",
                ImuOptions.MODELS_HELP,
                "  --max-body-mb N   largest request body in MiB (default " + (ServerSettings.DEFAULT_MAX_BODY_BYTES >> 20)
                        + "); larger ones get 413",
                "  --max-image-mp N  largest image in million pixels (default "
                        + ServerSettings.DEFAULT_MAX_IMAGE_PIXELS / 1_000_000 + "); larger ones get 413",
                "Endpoints: GET /api/health, GET /api/models, POST /api/predict/image, POST /api/predict/landmarks,",
                "POST /api/predict/imu, GET /api/openapi.json (the description of every request and answer).",
                "Prints one line per request (method, path, status, milliseconds). Runs until Ctrl-C (or SIGTERM).");
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        int port = args.integer("port", ServerSettings.DEFAULT_PORT);
        String host = args.option("host", ServerSettings.DEFAULT_HOST);
        int bodyMb = args.integer("max-body-mb", (int) (ServerSettings.DEFAULT_MAX_BODY_BYTES >> 20));
        int imageMp = args.integer("max-image-mp", (int) (ServerSettings.DEFAULT_MAX_IMAGE_PIXELS / 1_000_000));
        ModelRegistry registry = ImuOptions.registry(args);
        args.rejectUnknown();
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0..65535, got " + port);
        }
        if (bodyMb < 1 || imageMp < 1) {
            throw new UsageException("--max-body-mb and --max-image-mp must be at least 1");
        }
        ServerSettings settings = new ServerSettings(host, port, registry, (long) bodyMb << 20, imageMp * 1_000_000L);
        ApiServer server = ApiServer.start(settings, line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "formlab-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("FormLab API on " + server.url() + "/api (models: " + registry.root() + "; "
                + registry.names().size() + " registered). Description: " + server.url() + "/api/openapi.json. Ctrl-C stops.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from inside this JVM (a test, a notebook kernel) rather than by a signal
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; closing twice is harmless
            }
            out.println("stopped");
        }
        return Main.EXIT_OK;
    }
}
