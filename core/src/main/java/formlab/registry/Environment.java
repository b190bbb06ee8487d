package formlab.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where a model was trained: Java version, operating system, library versions and the git commit.
 *
 * @param java      Java runtime version and vendor
 * @param os        operating system and architecture
 * @param libraries version of each main library, read from its JAR (manifest, then Maven pom.properties)
 * @param gitCommit commit of the project checkout, with "-dirty" when there are uncommitted changes; null outside git
 */
public record Environment(String java, String os, Map<String, String> libraries, String gitCommit) {

    /** A class from each library whose version a model card records. */
    private static final Map<String, String> LIBRARY_CLASSES = Map.of(
            "smile-core", "smile.classification.GradientTreeBoost",
            "tribuo-core", "org.tribuo.Model",
            "tablesaw-core", "tech.tablesaw.api.Table",
            "jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper",
            "djl-api", "ai.djl.Model",
            "jtransforms", "org.jtransforms.fft.DoubleFFT_1D");

    /** The current JVM, libraries on the class path, and the git commit of {@code projectRoot} (may be null). */
    public static Environment current(Path projectRoot) {
        Map<String, String> libraries = new LinkedHashMap<>();
        LIBRARY_CLASSES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> libraries.put(e.getKey(), libraryVersion(e.getValue())));
        return new Environment(
                System.getProperty("java.runtime.version", System.getProperty("java.version")) + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                libraries,
                projectRoot == null ? null : gitCommit(projectRoot));
    }

    /** Version of the JAR holding {@code className}, or "not on class path" / "unknown". */
    static String libraryVersion(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, Environment.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "not on class path";
        }
        Package p = type.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        if (p != null && p.getSpecificationVersion() != null) {
            return p.getSpecificationVersion();
        }
        return pomVersion(type);
    }

    private static String pomVersion(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return "unknown";
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                        Properties properties = new Properties();
                        try (InputStream in = file.getInputStream(entry)) {
                            properties.load(in);
                        }
                        return properties.getProperty("version", "unknown");
                    }
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** {@code git rev-parse HEAD} in {@code root} (plus "-dirty" when the tree has changes), or null. */
    static String gitCommit(Path root) {
        String commit = git(root, "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return null;
        }
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return commit.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String git(Path root, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
