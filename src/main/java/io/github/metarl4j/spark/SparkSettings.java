package io.github.metarl4j.spark;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a run: the master URL, and executors capped like every JVM of the
 * project: the same heap ({@code -Xmx}, as {@code spark.executor.memory}) and native-memory cap
 * ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}) as this JVM, the same module openings, and
 * {@code OMP_NUM_THREADS=1}. In local mode the executors are this JVM, already capped.
 */
public final class SparkSettings {

    private SparkSettings() {
    }

    /**
     * A configuration for {@code master} named {@code app}.
     *
     * @param master a Spark master URL ({@code local[*]}, {@code spark://host:7077})
     * @param app    the application's name in Spark's logs
     */
    public static SparkConf conf(String master, String app) {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String nativeCap = System.getProperty("org.bytedeco.javacpp.maxphysicalbytes");
        if (nativeCap == null) {
            throw new IllegalStateException("this JVM was started without -Dorg.bytedeco.javacpp.maxphysicalbytes; "
                    + "start it with the project's JVM flags so that Spark executors get the same cap");
        }
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")
                        || a.startsWith("-Dio.netty") || a.startsWith("-Djava.awt.headless"))
                .collect(Collectors.toList());
        options.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + nativeCap);
        return new SparkConf().setMaster(master).setAppName(app)
                .set("spark.ui.enabled", "false")
                .set("spark.executor.memory", heapMb + "m")
                .set("spark.executor.extraJavaOptions", String.join(" ", options))
                .set("spark.executorEnv.OMP_NUM_THREADS", "1");
    }
}
