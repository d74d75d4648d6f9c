package policykg.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A throw-away Neo4j 5 Community server for policykg's tests and benchmarks.
 *
 * <p>Bolt on 127.0.0.1 on a free port, auth on (user neo4j, the password from the environment
 * variable POLICYKG_NEO4J_PASSWORD or a generated one), data in a temporary directory that is
 * removed on exit. When Bolt accepts connections it prints one line,
 * {@code READY bolt://127.0.0.1:PORT PASSWORD}, so the caller can read the port without racing
 * for it. It stops cleanly on SIGTERM/SIGINT or when its stdin closes (the parent died).
 *
 * <p>Usage: {@code java -cp target/classes:$(cat target/classpath.txt) policykg.neo4j.Launcher [DATA_DIR]}
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path home = args.length > 0 ? Paths.get(args[0]) : Files.createTempDirectory("policykg-neo4j-");
        boolean ownHome = args.length == 0;
        Files.createDirectories(home);
        String password = System.getenv("POLICYKG_NEO4J_PASSWORD");
        if (password == null || password.isEmpty()) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = HexFormat.of().formatHex(bytes);
        }

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(Map.of(
                        BoltConnector.enabled, true,
                        BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0),
                        BoltConnector.advertised_address, new SocketAddress("127.0.0.1", 0),
                        GraphDatabaseSettings.auth_enabled, true,
                        // a test server: small page cache, no usage report over the network, short tx logs
                        GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(Long.getLong("policykg.pagecache.mb", 256)),
                        GraphDatabaseSettings.udc_enabled, false,
                        GraphDatabaseSettings.keep_logical_logs, "false",
                        // bounded reads, as docker-compose.yml sets them: no transaction runs past 120 s or
                        // holds more than 256 MB (all together 512 MB); the guarded path asks for less per statement
                        GraphDatabaseSettings.transaction_timeout, java.time.Duration.ofSeconds(120),
                        GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(256),
                        GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512)))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            if (ownHome) {
                deleteTree(home);
            }
        }, "policykg-neo4j-shutdown"));

        // The embedded API runs with full rights, so it can set the password the Bolt clients must use.
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        System.out.println("READY bolt://127.0.0.1:" + port + " " + password);
        System.out.flush();

        // stdin closing means the parent is gone: stop rather than outlive it
        InputStream in = System.in;
        while (in.read() != -1) {
            // ignore input
        }
        System.exit(0);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e);
        }
    }
}
