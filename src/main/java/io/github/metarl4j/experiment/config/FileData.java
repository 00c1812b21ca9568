package io.github.metarl4j.experiment.config;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.data.files.CsvDatasets;
import io.github.metarl4j.data.files.Hdf5Datasets;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset read from a file ({@code type: file}): D4RL's HDF5 layout ({@code .h5}, {@code .hdf5};
 * {@link Hdf5Datasets}) or comma-separated text ({@code .csv}; {@link CsvDatasets}), checked against
 * the experiment's family. A relative path is read from the working directory. The file's SHA-256
 * goes into the dataset's provenance.
 *
 * @param path the file
 */
public record FileData(String path) implements DataConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param path the file, ending in .h5, .hdf5 or .csv
     */
    public FileData {
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".h5") && !lower.endsWith(".hdf5") && !lower.endsWith(".csv")) {
            throw new IllegalArgumentException("path must name a .h5, .hdf5 or .csv file, got '" + path + "'");
        }
    }

    @Override
    public <T extends Task, O, A> TransitionDataset dataset(FamilySetup<T, O, A> setup, Sampler sampler,
                                                            SeedTree seeds) {
        TaskFamily<T, O, A> family = setup.family();
        Path file = Path.of(path);
        TransitionDataset d = path.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? CsvDatasets.read(file, family.spec().observationSpace(), family.spec().actionSpace())
                : Hdf5Datasets.read(file, family.spec().observationSpace(), family.spec().actionSpace());
        Map<String, String> provenance = new TreeMap<>(d.provenance());
        provenance.put("file_sha256", sha256(file));
        return d.withProvenance(provenance);
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
