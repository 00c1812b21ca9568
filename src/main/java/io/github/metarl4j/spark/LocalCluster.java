package io.github.metarl4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Spark standalone cluster on this machine (127.0.0.1), for trying the cluster path, for tests and
 * for benchmarks: a master and N workers of one core each, started as JVMs from the Spark jars on
 * this JVM's classpath (no Spark install), on free ports, each JVM with a heap and native-memory cap;
 * {@link #close} stops them and their executors. A real cluster is started with Spark's own scripts
 * and reached by its master URL (docs/scaling.md).
 */
public final class LocalCluster implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int ui;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    /**
     * Starts the master and the workers and waits (up to two minutes) until every worker has registered.
     *
     * @param home        a directory for the JVMs' logs and the workers' work directories
     * @param workerCount N, at least 1
     * @throws IllegalStateException with the JVMs' last log lines if the cluster does not come up
     */
    public LocalCluster(Path home, int workerCount) throws IOException, InterruptedException {
        this.home = home;
        this.port = freePort();
        this.ui = freePort();
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(ui));
        for (int w = 0; w < workerCount; w++) {
            Path work = Files.createDirectories(home.resolve("work-" + w));
            workers.add(start("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--cores", "1", "--memory", "3g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                    work.toString(), url()));
        }
        awaitWorkers(workerCount);
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    public String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** The executor JVMs the workers have started (a worker's only Java children), alive. */
    public List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process w : workers) {
            w.children().filter(p -> p.isAlive() && p.info().command().orElse("").endsWith("java"))
                    .forEach(out::add);
        }
        return out;
    }

    /** The last lines the cluster's JVMs and executors wrote, for an error message. */
    public String logs() throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".log") || p.endsWith("stderr")).toList()) {
                List<String> lines = Files.readAllLines(f).stream().filter(l -> l.length() < 500).toList();
                b.append("== ").append(f.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())))
                        .append('\n');
            }
        }
        return b.toString();
    }

    /**
     * {@code conf} for an application on this cluster: its master URL, the driver on 127.0.0.1,
     * executors of one core, at most one per worker, with this JVM's classpath.
     */
    public org.apache.spark.SparkConf configure(org.apache.spark.SparkConf conf) {
        return conf.setMaster(url()).set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.executor.cores", "1").set("spark.cores.max", String.valueOf(workers.size()))
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    }

    private Process start(String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.bytedeco.javacpp.maxphysicalbytes=1g"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_TESTING", "1");
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    private void awaitWorkers(int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<String> json = status();
            if (json.isPresent() && json.get().replace(" ", "").contains("\"aliveworkers\":" + count)) {
                return;
            }
            if (!master.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the standalone cluster did not come up with " + count + " workers:\n" + logs());
    }

    private Optional<String> status() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + ui + "/json/").toURL()
                    .openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try (InputStream in = c.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the workers' executors, the workers and the master. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
