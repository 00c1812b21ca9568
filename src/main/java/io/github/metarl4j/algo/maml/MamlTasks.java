package io.github.metarl4j.algo.maml;

import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.PolicyDescription;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TaskBuild;
import io.github.metarl4j.sampler.TaskThreads;
import io.github.metarl4j.task.Task;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The per-task part of one MAML meta-step as data, for {@link Sampler#open}: for tasks
 * {@code [first, first + count)}, sample their train episodes with the meta-parameters, take the K
 * inner steps (fresh episodes per step, or all on the first), sample their valid episodes with the
 * adapted parameters, and prepare each task's {@link TaskObjective} at the meta-parameters. The
 * sampling calls use the streams of pre-drawn seeds ({@link RowStreams#forTasks(long, int, int, int)}),
 * so a task's term is the same, bit for bit, whichever tasks are built with it and wherever.
 *
 * @param <T> the task type
 */
final class MamlTasks<T extends Task> implements TaskBuild<TaskObjective> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final PolicyDescription description;
    private final MamlConfig config;
    private final List<T> tasks;
    private final double[] theta;
    private final long[] seeds;
    /** The driver's policy, reused in this process; rebuilt from the description elsewhere. */
    private final transient Policy policy;

    /**
     * @param policy the policy
     * @param config the settings
     * @param tasks  the meta-batch
     * @param theta  the meta-parameters {@code [P]}
     * @param seeds  one seed per sampling call: K (fresh) or 1 (reused) inner calls, then the valid call
     */
    MamlTasks(Policy policy, MamlConfig config, List<T> tasks, INDArray theta, long[] seeds) {
        this.description = policy.spec();
        this.policy = policy;
        this.config = config;
        this.tasks = List.copyOf(tasks);
        this.theta = HostArrays.read(theta);
        this.seeds = seeds.clone();
        if (seeds.length != calls(config)) {
            throw new IllegalArgumentException("a meta-step samples " + calls(config) + " times, got " + seeds.length
                    + " seeds");
        }
    }

    /** The number of sampling calls of one meta-step. */
    static int calls(MamlConfig config) {
        return (config.innerSampling() == MamlConfig.InnerSampling.FRESH ? config.innerSteps() : 1) + 1;
    }

    @Override
    public List<TaskObjective> build(TaskFamily<?, ?, ?> family, Sampler sampler, int first, int count) {
        return buildTerms(cast(family), sampler, first, count);
    }

    private <O, A> List<TaskObjective> buildTerms(TaskFamily<T, O, A> family, Sampler sampler, int first, int count) {
        Policy p = policy != null ? policy : description.policy();
        InnerLoop inner = new InnerLoop(config.innerStepSize(), config.innerSteps());
        List<T> mine = tasks.subList(first, first + count);
        int e = config.fastBatch();
        INDArray start = HostArrays.create(theta, p.dataType(), theta.length);
        TaskThreads threads = new TaskThreads(sampler.threads());
        try {
            long sampling = 0;
            long adaptation = 0;
            long steps = 0;
            int call = 0;
            double[] trainReturns = new double[count];
            List<INDArray> current = Collections.nCopies(count, start);
            List<List<TaskEpisodes>> innerData = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                innerData.add(new ArrayList<>());
            }
            List<TaskEpisodes> episodes = List.of();
            for (int k = 0; k < inner.steps(); k++) {
                if (k == 0 || config.innerSampling() == MamlConfig.InnerSampling.FRESH) {
                    long t0 = System.nanoTime();
                    EpisodeBatch batch = sampler.play(family, mine, e, k == 0 ? p.actions(start) : p.actions(current),
                            RowStreams.forTasks(seeds[call++], first, count, e));
                    long t1 = System.nanoTime();
                    episodes = TaskEpisodes.split(batch, count, e, config, threads);
                    sampling += t1 - t0;
                    adaptation += System.nanoTime() - t1;
                    steps += batch.totalSteps();
                    if (k == 0) {
                        trainReturns = taskSums(batch, count, e);
                    }
                }
                long t2 = System.nanoTime();
                List<TaskEpisodes> atK = episodes;
                List<INDArray> from = current;
                current = threads.map(count, i -> inner.step(from.get(i), atK.get(i).loss(p)));
                for (int i = 0; i < count; i++) {
                    innerData.get(i).add(atK.get(i));
                }
                adaptation += System.nanoTime() - t2;
            }
            List<INDArray> adapted = current;
            long t3 = System.nanoTime();
            EpisodeBatch valid = sampler.play(family, mine, e, p.actions(adapted),
                    RowStreams.forTasks(seeds[call], first, count, e));
            long t4 = System.nanoTime();
            sampling += t4 - t3;
            steps += valid.totalSteps();
            double[] validReturns = taskSums(valid, count, e);
            List<TaskEpisodes> valids = TaskEpisodes.split(valid, count, e, config, threads);
            boolean ppo = config.outer() == OuterOptimizer.PPO;
            List<TaskObjective> terms = threads.map(count, i -> {
                MetaObjective.Task data = new MetaObjective.Task(innerData.get(i), valids.get(i));
                return ppo ? TaskObjective.clipped(p, inner, data, adapted.get(i), config.firstOrder())
                        : new TaskObjective(p, inner, data, start, config.firstOrder());
            });
            adaptation += System.nanoTime() - t4;
            for (int i = 0; i < count; i++) {
                boolean head = i == 0;
                terms.get(i).withSampled(new TaskObjective.Sampled(trainReturns[i], validReturns[i], e,
                        head ? steps : 0, head ? sampling : 0, head ? adaptation : 0));
            }
            return terms;
        } finally {
            threads.close();
        }
    }

    /** Each task's sum of its {@code e} episodes' returns, in column order. */
    private static double[] taskSums(EpisodeBatch batch, int count, int e) {
        double[] returns = batch.episodeReturns();
        double[] sums = new double[count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < e; j++) {
                sums[i] += returns[i * e + j];
            }
        }
        return sums;
    }

    @SuppressWarnings("unchecked")
    private TaskFamily<T, Object, Object> cast(TaskFamily<?, ?, ?> family) {
        return (TaskFamily<T, Object, Object>) family;
    }
}
