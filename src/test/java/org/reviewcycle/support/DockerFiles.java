package org.reviewcycle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What docker/Dockerfile says the image runs: its ENTRYPOINT, its ENV and where it puts the jar.
 * The cluster test starts its nodes with that command, so that the tests run what the image runs.
 */
public final class DockerFiles {

    public static final Path DIRECTORY = Path.of("docker");
    public static final Path DOCKERFILE = DIRECTORY.resolve("Dockerfile");
    public static final Path COMPOSE = DIRECTORY.resolve("compose.yaml");
    public static final Path NGINX_CONF = DIRECTORY.resolve("nginx.conf");

    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])\\s*$");
    private static final Pattern ENV = Pattern.compile("(?m)^ENV\\s+([A-Za-z_][A-Za-z0-9_]*)=(\\S+)\\s*$");
    private static final Pattern JAR = Pattern.compile("(?m)^COPY\\s+--from=build\\s+\\S+\\.jar\\s+(\\S+\\.jar)\\s*$");

    private DockerFiles() {
    }

    /** The image's command, in exec form, e.g. {@code [java, -XX:MaxRAMPercentage=75, -jar, /app/reviewcycle.jar]}. */
    public static List<String> entrypoint() {
        String json = find(ENTRYPOINT, "an ENTRYPOINT in exec form ([\"java\", ...])").group(1);
        try {
            return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(DOCKERFILE + ": the ENTRYPOINT is not a JSON array: " + json, e);
        }
    }

    /** The ENV settings of the run stage, in order. */
    public static Map<String, String> environment() {
        var environment = new LinkedHashMap<String, String>();
        Matcher matcher = ENV.matcher(dockerfile());
        while (matcher.find()) {
            environment.put(matcher.group(1), matcher.group(2));
        }
        return environment;
    }

    /** Where the image keeps the application's jar, e.g. {@code /app/reviewcycle.jar}. */
    public static String jarInImage() {
        return find(JAR, "COPY --from=build ... .jar <path>.jar").group(1);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (the tests run from the repository root)", e);
        }
    }

    private static String dockerfile() {
        return read(DOCKERFILE);
    }

    private static Matcher find(Pattern pattern, String what) {
        Matcher matcher = pattern.matcher(dockerfile());
        if (!matcher.find()) {
            throw new IllegalStateException(DOCKERFILE + " has no " + what);
        }
        return matcher;
    }
}
