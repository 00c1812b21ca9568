package io.github.metarl4j.algo.maml;

import io.github.metarl4j.sampler.TaskThreads;
import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.baseline.LinearFeatureBaseline;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One task's episodes {@code [T, E, ..]} with their normalised GAE advantages {@code [T, E]}, each
 * task with its own linear baseline (the MAML specification's per-task advantage estimate).
 *
 * @param episodes   the episodes
 * @param advantages their {@code [T, E]} advantages
 */
public record TaskEpisodes(EpisodeBatch episodes, INDArray advantages) {

    /**
     * Checks the arguments and holds them:
     *
     * @param episodes   the episodes
     * @param advantages their {@code [T, E]} advantages
     */
    public TaskEpisodes {
        if (episodes == null || advantages == null) {
            throw new IllegalArgumentException("episodes and advantages must be non-null");
        }
    }

    /** The REINFORCE loss of {@code policy} on these episodes and advantages. */
    ReinforceLoss loss(Policy policy) {
        return new ReinforceLoss(policy, episodes, advantages);
    }

    /** The normalised GAE advantages of one task's episodes, with a linear baseline fitted on them. */
    static INDArray advantages(EpisodeBatch episodes, double gamma, double lambda) {
        INDArray returns = Advantages.discountedReturns(episodes, gamma);
        INDArray values = LinearFeatureBaseline.fit(episodes, returns).values(episodes);
        return Advantages.normalizePerTask(episodes, Advantages.gae(episodes, values, gamma, lambda));
    }

    /** A task-major batch's {@code e}-column blocks as per-task episodes with their advantages. */
    static List<TaskEpisodes> split(EpisodeBatch batch, int tasks, int e, MamlConfig config, TaskThreads parallel) {
        return parallel.map(tasks, i -> {
            EpisodeBatch episodes = batch.columns(i * e, (i + 1) * e);
            return new TaskEpisodes(episodes, advantages(episodes, config.gamma(), config.gaeLambda()));
        });
    }
}
