package io.github.metarl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TransitionDatasetTest {

    private static final Box OBS = Box.of(0, 1, 2);
    private static final Discrete ACT = new Discrete(3);

    /** Two episodes: rows 0-2 (terminal) and 3-4 (cut short). */
    private static final class Cols {
        double[] obs = {0, 0, 0.1, 0.1, 0.2, 0.2, 0.5, 0.5, 0.6, 0.6};
        double[] act = {0, 1, 2, 1, 0};
        double[] rew = {0, 0, 1, -0.5, 0.25};
        double[] next = {0.1, 0.1, 0.2, 0.2, 1, 1, 0.6, 0.6, 0.7, 0.7};
        boolean[] term = {false, false, true, false, false};
        boolean[] trunc = {false, false, false, false, true};
        Optional<int[]> tasks = Optional.of(new int[] {4, 7});
        Optional<double[]> logp = Optional.of(new double[] {-1.1, -1.1, -1.1, -1.1, -1.1});

        TransitionDataset build() {
            return TransitionDataset.of(OBS, ACT, new TransitionDataset.Columns(obs, act, rew, next, term, trunc, tasks,
                    logp));
        }
    }

    @Test
    void validDataset_isHeldWithItsEpisodes() {
        TransitionDataset d = new Cols().build();
        assertEquals(5, d.size());
        assertEquals(2, d.episodes());
        assertArrayEquals(new int[] {0, 3, 5}, d.episodeStarts());
        assertEquals(2, d.obsDim());
        assertEquals(1, d.actDim());
        assertEquals((1.0 + -0.25) / 2, d.meanEpisodeReturn(), 1e-15);
        assertArrayEquals(new int[] {4, 7}, d.episodeTasks().orElseThrow());
    }

    @Test
    void dataset_isImmutable() {
        Cols c = new Cols();
        TransitionDataset d = c.build();
        c.rew[0] = 99;
        d.rewards()[1] = 99;
        assertArrayEquals(new double[] {0, 0, 1, -0.5, 0.25}, d.rewards());
    }

    @Test
    void rows_gatherTheGivenRows_andSampleDrawsThemInOrder() {
        TransitionDataset d = new Cols().build();
        TransitionDataset.Rows r = d.rows(new int[] {4, 0, 4});
        assertArrayEquals(new double[] {0.6, 0.6, 0, 0, 0.6, 0.6}, r.observations());
        assertArrayEquals(new double[] {0.7, 0.7, 0.1, 0.1, 0.7, 0.7}, r.nextObservations());
        assertArrayEquals(new double[] {0, 0, 0}, r.actions());
        assertArrayEquals(new double[] {0.25, 0, 0.25}, r.rewards());
        assertArrayEquals(new boolean[] {false, false, false}, r.terminated());
        java.util.SplittableRandom draws = new java.util.SplittableRandom(3);
        int[] rows = {draws.nextInt(5), draws.nextInt(5), draws.nextInt(5), draws.nextInt(5)};
        assertArrayEquals(d.rows(rows).rewards(), d.sample(4, new java.util.SplittableRandom(3)).rewards());
        assertEquals("row 5 is not one of the dataset's 5", assertThrows(IllegalArgumentException.class,
                () -> d.rows(new int[] {5})).getMessage());
    }

    private static String error(Consumer<Cols> change) {
        Cols c = new Cols();
        change.accept(c);
        return assertThrows(IllegalArgumentException.class, c::build).getMessage();
    }

    @Test
    void badValues_areRefusedNamingTheFieldAndTheRow() {
        assertEquals("rewards row 3: must be finite, got NaN", error(c -> c.rew[3] = Double.NaN));
        assertEquals("observations row 2: [0.2, 1.5] is outside " + OBS, error(c -> c.obs[5] = 1.5));
        assertEquals("next_observations row 4: must be finite, got Infinity",
                error(c -> c.next[9] = Double.POSITIVE_INFINITY));
        assertEquals("actions row 1: discrete value must be an integer in [0, 3), got 3.0", error(c -> c.act[1] = 3));
        assertEquals("actions row 0: discrete value must be an integer in [0, 3), got 0.5", error(c -> c.act[0] = 0.5));
        assertEquals("observations must hold 5 rows of 2 (10 values), got 8 values",
                error(c -> c.obs = new double[8]));
        assertEquals("timeouts must hold 5 rows, got 4", error(c -> c.trunc = new boolean[4]));
        assertEquals("row 2: terminals and timeouts cannot both be true", error(c -> c.trunc[2] = true));
        assertEquals("row 4: the last transition must end its episode (terminals or timeouts true), got neither",
                error(c -> c.trunc[4] = false));
        assertEquals("episode_tasks must have one entry per episode (2), got 3",
                error(c -> c.tasks = Optional.of(new int[3])));
        assertEquals("behaviour_log_prob row 0: must be a finite log-probability <= 0, got 0.5",
                error(c -> c.logp.orElseThrow()[0] = 0.5));
        assertEquals("a dataset needs at least one transition, got 0 rows", error(c -> c.rew = new double[0]));
    }
}
