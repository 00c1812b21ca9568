package io.github.metarl4j.experiment;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Where a grid-world arm went on the test tasks before adaptation (k = 0) and after the last step
 * (k = K): the visits of every cell over all test episodes, and the path of the first episode of the
 * first test task (ending in the goal when the episode reached it). Written as
 * {@code evaluation/visits.csv} ({@code arm,k,row,col,visits}) and {@code evaluation/trajectories.csv}
 * ({@code arm,k,step,row,col}) for the report's pictures.
 */
final class GridVisits {

    /** The visit table's file name. */
    static final String VISITS = "visits.csv";
    /** The trajectory table's file name. */
    static final String TRAJECTORIES = "trajectories.csv";

    private final GridWorldConfig world;
    private final int steps;
    private final StringBuilder visits = new StringBuilder("arm,k,row,col,visits\n");
    private final StringBuilder paths = new StringBuilder("arm,k,step,row,col\n");

    GridVisits(GridWorldConfig world, int steps) {
        this.world = world;
        this.steps = steps;
    }

    /** A listener for the evaluator that records {@code arm}'s episodes at k = 0 and k = K. */
    BiConsumer<Integer, EpisodeBatch> arm(String arm, Cell goalOfFirstTask) {
        return (k, batch) -> {
            if (k == 0 || k == steps) {
                record(arm, k, batch, goalOfFirstTask);
            }
        };
    }

    private synchronized void record(String arm, int k, EpisodeBatch batch, Cell goal) {
        int t = batch.steps();
        int b = batch.episodes();
        int d = batch.obsDim();
        double[] obs = HostArrays.read(batch.observations());
        int[] lengths = batch.lengths();
        int cols = world.map().cols();
        int[] count = new int[world.map().size()];
        List<Cell> path = new ArrayList<>();
        double[] o = new double[d];
        for (int e = 0; e < b; e++) {
            for (int s = 0; s < lengths[e]; s++) {
                System.arraycopy(obs, (s * b + e) * d, o, 0, d);
                Cell c = world.observation().cellOf(world.map(), o);
                count[world.map().index(c)]++;
                if (e == 0) {
                    path.add(c);
                }
            }
        }
        if (batch.terminated()[0]) {
            path.add(goal);
        }
        for (int i = 0; i < count.length; i++) {
            if (count[i] > 0) {
                visits.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d%n", arm, k, i / cols, i % cols, count[i]));
            }
        }
        for (int s = 0; s < path.size(); s++) {
            paths.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d%n", arm, k, s, path.get(s).row(), path.get(s).col()));
        }
    }

    void write(RunDirectory dir) {
        EvaluationFiles.write(dir.evaluationFile(VISITS), visits.toString());
        EvaluationFiles.write(dir.evaluationFile(TRAJECTORIES), paths.toString());
    }
}
