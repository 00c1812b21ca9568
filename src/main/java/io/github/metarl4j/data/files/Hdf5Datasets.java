package io.github.metarl4j.data.files;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.space.Space;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Datasets in D4RL's and Minari's flat HDF5 layout (Fu, Kumar, Nachum, Tucker and Levine 2020,
 * "D4RL: Datasets for Deep Data-Driven Reinforcement Learning"), through the pure-Java jHDF library.
 * One row per transition:
 *
 * <ul>
 *   <li>{@code observations [N, obsDim]}, {@code next_observations [N, obsDim]}, {@code rewards [N]};
 *   <li>{@code actions}: {@code [N]} integers for discrete actions, {@code [N, actDim]} otherwise;
 *   <li>{@code terminals [N]}, {@code timeouts [N]}: booleans (h5py's boolean enum, or integers 0 and 1;
 *       written as unsigned bytes);
 *   <li>optionally {@code infos/task [N]} (each episode's task id, constant over the episode) and
 *       {@code infos/action_log_probs [N]} (the behaviour policy's log-probabilities, as in D4RL);
 *   <li>the root's string attributes: the dataset's provenance.
 * </ul>
 *
 * Any numeric type is read (float32 as D4RL writes, float64 as written here). A file whose last row
 * ends no episode (D4RL's files stop mid-episode) is read with that row cut short ({@code timeouts}
 * true), which the provenance records as {@code last_row_cut}.
 */
public final class Hdf5Datasets {

    /** The keys every file must hold. */
    public static final List<String> REQUIRED = List.of("observations", "actions", "rewards", "next_observations",
            "terminals", "timeouts");

    private Hdf5Datasets() {
    }

    /**
     * Writes {@code dataset} to {@code file} (through a temporary file in the same folder, moved into
     * place when complete, so a failure leaves no partial file).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(TransitionDataset dataset, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try {
            try (WritableHdfFile out = HdfFile.write(tmp)) {
                int n = dataset.size();
                out.putDataset("observations", rows(dataset.observations(), n, dataset.obsDim()));
                out.putDataset("next_observations", rows(dataset.nextObservations(), n, dataset.obsDim()));
                out.putDataset("actions", dataset.actDim() == 1 && integral(dataset.actions())
                        ? Arrays.stream(dataset.actions()).mapToLong(a -> (long) a).toArray()
                        : rows(dataset.actions(), n, dataset.actDim()));
                out.putDataset("rewards", dataset.rewards());
                out.putDataset("terminals", dataset.terminated());
                out.putDataset("timeouts", dataset.truncated());
                if (dataset.episodeTasks().isPresent() || dataset.behaviourLogProb().isPresent()) {
                    WritableGroup infos = out.putGroup("infos");
                    dataset.episodeTasks().ifPresent(t -> infos.putDataset("task", perStep(t, dataset.episodeStarts())));
                    dataset.behaviourLogProb().ifPresent(lp -> infos.putDataset("action_log_probs", lp));
                }
                dataset.provenance().forEach(out::putAttribute);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | HdfException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is what the caller needs
            }
            throw new UncheckedIOException(new IOException("cannot write dataset file " + file + ": "
                    + e.getMessage(), e));
        }
    }

    /**
     * Reads {@code file} for a family with these spaces, checking every value against them.
     *
     * @throws IllegalArgumentException naming the file, the key and the row of what does not fit
     *                                  (a missing key, a wrong width, mismatched lengths, NaN rewards, an
     *                                  observation outside the space, a file that is not HDF5)
     */
    public static TransitionDataset read(Path file, Space<?> observationSpace, Space<?> actionSpace) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("dataset file " + file + ": no such file");
        }
        try (HdfFile in = new HdfFile(file)) {
            TransitionDataset d = read(in, observationSpace, actionSpace);
            Map<String, String> p = provenance(in, file);
            p.putAll(d.provenance());
            return d.withProvenance(p);
        } catch (HdfException e) {
            throw new IllegalArgumentException("dataset file " + file + ": not a readable HDF5 file (" + e.getMessage()
                    + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset file " + file + ": " + e.getMessage(), e);
        }
    }

    private static TransitionDataset read(HdfFile in, Space<?> observationSpace, Space<?> actionSpace) {
        for (String key : REQUIRED) {
            if (!(find(in, key) instanceof Dataset)) {
                throw new IllegalArgumentException("missing key '" + key + "'; a dataset file holds " + REQUIRED
                        + " (and optionally infos/task, infos/action_log_probs)");
            }
        }
        Dataset rewardsSet = (Dataset) find(in, "rewards");
        int n = rows("rewards", rewardsSet, 1, "");
        int obsDim = observationSpace.flatDim();
        int actDim = actionSpace.flatDim();
        String obsWhy = " (the family's observation width is " + obsDim + ")";
        double[] obs = Columns.doubles("observations", numbers(in, "observations", n, obsDim, obsWhy));
        double[] next = Columns.doubles("next_observations", numbers(in, "next_observations", n, obsDim, obsWhy));
        double[] act = Columns.doubles("actions", numbers(in, "actions", n, actDim,
                " (the family's action width is " + actDim + (actionSpace instanceof Discrete ? ", an index" : "") + ")"));
        double[] rew = Columns.doubles("rewards", rewardsSet.getDataFlat());
        boolean[] term = Columns.flags("terminals", numbers(in, "terminals", n, 1, ""));
        boolean[] trunc = Columns.flags("timeouts", numbers(in, "timeouts", n, 1, "")).clone();
        boolean cut = n > 0 && !term[n - 1] && !trunc[n - 1];
        if (cut) {
            trunc[n - 1] = true;
        }
        Optional<double[]> logp = Optional.ofNullable(find(in, "infos/action_log_probs"))
                .map(d -> Columns.doubles("infos/action_log_probs", numbers(in, "infos/action_log_probs", n, 1, "")));
        Optional<int[]> tasks = Optional.ofNullable(find(in, "infos/task"))
                .map(d -> Columns.perEpisode(Columns.doubles("infos/task", numbers(in, "infos/task", n, 1, "")), term,
                        trunc, i -> "key 'infos/task' row " + i));
        TransitionDataset d = TransitionDataset.of(observationSpace, actionSpace, new TransitionDataset.Columns(obs, act,
                rew, next, term, trunc, tasks, logp));
        return cut ? d.withProvenance(Map.of("last_row_cut", "true")) : d;
    }

    private static Node find(HdfFile in, String path) {
        try {
            return in.getByPath(path);
        } catch (HdfException e) {
            return null;
        }
    }

    /** The flat values of {@code key}, checked to be {@code [n]} or {@code [n, width]}. */
    private static Object numbers(HdfFile in, String key, int n, int width, String why) {
        Node node = find(in, key);
        if (!(node instanceof Dataset d)) {
            throw new IllegalArgumentException("key '" + key + "' is not a dataset");
        }
        rows(key, d, width, why);
        int got = d.getDimensions().length == 0 ? 1 : d.getDimensions()[0];
        if (got != n) {
            throw new IllegalArgumentException("key '" + key + "' has " + got + " rows, expected " + n
                    + " (the rows of 'rewards')");
        }
        return d.getDataFlat();
    }

    /** The rows of {@code d}, checking its shape is {@code [N]} (width 1) or {@code [N, width]}. */
    private static int rows(String key, Dataset d, int width, String why) {
        int[] dims = d.getDimensions();
        boolean fits = dims.length == 1 && width == 1 || dims.length == 2 && dims[1] == width;
        if (!fits) {
            throw new IllegalArgumentException("key '" + key + "' has shape " + Arrays.toString(dims) + ", expected "
                    + (width == 1 ? "[N] or [N, 1]" : "[N, " + width + "]") + why);
        }
        return dims[0];
    }

    private static long[] perStep(int[] episodeTasks, int[] starts) {
        long[] out = new long[starts[starts.length - 1]];
        for (int e = 0; e < episodeTasks.length; e++) {
            Arrays.fill(out, starts[e], starts[e + 1], episodeTasks[e]);
        }
        return out;
    }

    private static Map<String, String> provenance(HdfFile in, Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : in.getAttributes().entrySet()) {
            Object v = a.getValue().getData();
            if (!a.getKey().startsWith("_") && v instanceof String s) {
                out.put(a.getKey(), s);
            }
        }
        out.put("file", file.toString());
        return out;
    }

    private static double[][] rows(double[] flat, int n, int width) {
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }

    private static boolean integral(double[] values) {
        return Arrays.stream(values).allMatch(v -> v == Math.rint(v));
    }
}
