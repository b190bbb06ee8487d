package formlab.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests per second and latency percentiles of one API call: the same POST sent {@code requests}
 * times by {@code clients} concurrent clients over kept-alive HTTP/1.1 connections, after a warm-up.
 * Used by {@code formlab bench-serve}; not a test.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    /**
     * What one measurement found.
     *
     * @param firstMillis   the first request (loads the model when no request loaded it before)
     * @param requests      timed requests
     * @param clients       concurrent clients
     * @param seconds       wall time of the timed requests
     * @param millis        latency of each timed request, sorted
     */
    public record Result(double firstMillis, int requests, int clients, double seconds, double[] millis) {

        /** Timed requests per second of wall time. */
        public double requestsPerSecond() {
            return requests / seconds;
        }

        /** The {@code q}-quantile of the latencies (nearest rank), in milliseconds. */
        public double percentile(double q) {
            return LoadBenchmark.percentile(millis, q);
        }

        /** One line: requests/s, p50, p99, max. */
        public String summary() {
            return String.format(Locale.ROOT, "%d requests, %d client(s): %.1f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                    + " (first request %.0f ms)", requests, clients, requestsPerSecond(), percentile(0.5), percentile(0.99),
                    millis[millis.length - 1], firstMillis);
        }
    }

    /** The {@code q}-quantile (nearest rank) of {@code sorted}. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Sends {@code body} to {@code uri}: one first request, {@code warmup} untimed ones, then
     * {@code requests} timed ones from {@code clients} threads. Every answer must be 200.
     *
     * @throws IOException when a request fails or is answered with another status
     */
    public static Result run(URI uri, String contentType, byte[] body, int warmup, int requests, int clients)
            throws IOException, InterruptedException {
        if (requests < 1 || clients < 1 || warmup < 0) {
            throw new IllegalArgumentException("need requests >= 1, clients >= 1, warmup >= 0");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long start = System.nanoTime();
        send(http, request);
        double first = (System.nanoTime() - start) / 1e6;
        for (int i = 0; i < warmup; i++) {
            send(http, request);
        }
        double[] millis = new double[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Void>> done = new ArrayList<>();
            long began = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        send(http, request);
                        millis[i] = (System.nanoTime() - t) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Arrays.sort(millis);
            return new Result(first, requests, clients, seconds, millis);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
