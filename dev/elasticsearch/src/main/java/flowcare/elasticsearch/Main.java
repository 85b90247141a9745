package flowcare.elasticsearch;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a single-node Elasticsearch for local development.
 * Arguments are Elasticsearch settings as key=value and override the defaults below; path.home is required.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "flowcare-dev")
            .put("node.name", "dev-node")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", 9250)
            .put("transport.port", 9350)
            .put("node.processors", 1)
            // a laptop disk is often past the 90% watermark, which would make every index read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got: " + arg);
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String homeSetting = builder.get("path.home");
        if (homeSetting == null) throw new IllegalArgumentException("path.home=<dir> is required");
        Path home = Path.of(homeSetting).toAbsolutePath();
        builder.put("path.home", home.toString());
        if (builder.get("path.data") == null) builder.put("path.data", home.resolve("data").toString());
        if (builder.get("path.logs") == null) builder.put("path.logs", home.resolve("logs").toString());
        Settings settings = builder.build();

        Environment environment = new Environment(settings, null);
        installLoggingConfig(environment.configFile());
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(settings));
        LogConfigurator.configure(environment, true);
        Logger logger = LogManager.getLogger(Main.class);

        Node node;
        try {
            node = new ClasspathNode(environment, List.of(Netty4Plugin.class, CjkAnalysisPlugin.class, RootPlugin.class));
            node.start();
        } catch (Throwable e) {
            logger.error("failed to start elasticsearch", e);
            System.exit(1);
            return;
        }

        // Elasticsearch's threads are daemons, so the main thread keeps the JVM alive until SIGTERM
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                if (!node.awaitClose(30, TimeUnit.SECONDS)) logger.warn("node did not close within 30s");
            } catch (Exception e) {
                logger.error("failed to stop elasticsearch cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "elasticsearch-shutdown"));
        stopped.await();
    }

    // LogConfigurator only reads log4j2*.properties from the config directory, so put ours there
    private static void installLoggingConfig(Path configDir) throws Exception {
        Files.createDirectories(configDir);
        try (InputStream in = Main.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(in, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
