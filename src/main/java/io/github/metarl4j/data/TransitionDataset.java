package io.github.metarl4j.data;

import io.github.metarl4j.space.Space;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * A fixed dataset of N transitions, the input of offline RL (Levine, Kumar, Tucker and Fu 2020,
 * "Offline Reinforcement Learning: Tutorial, Review, and Perspectives"), laid out like a D4RL or
 * Minari file: row i is one step {@code (s_i, a_i, r_i, s'_i)}, episodes stored one after another.
 * An episode ends at the first row that is {@code terminated} (a terminal state: nothing to
 * bootstrap) or {@code truncated} (cut short: bootstrap from {@code s'}), and the last row ends one.
 *
 * <p>Immutable: the factory copies its arrays and the accessors return copies (read them once).
 * Every value is checked on construction against the family's spaces, and an error names the field
 * and the row.
 */
public final class TransitionDataset {

    private final int size;
    private final int obsDim;
    private final int actDim;
    private final double[] observations;
    private final double[] actions;
    private final double[] rewards;
    private final double[] nextObservations;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final int[] episodeStarts;
    private final Optional<int[]> episodeTasks;
    private final Optional<double[]> behaviourLogProb;
    private final Map<String, String> provenance;

    private TransitionDataset(TransitionDataset d, Map<String, String> provenance) {
        this.size = d.size;
        this.obsDim = d.obsDim;
        this.actDim = d.actDim;
        this.observations = d.observations;
        this.actions = d.actions;
        this.rewards = d.rewards;
        this.nextObservations = d.nextObservations;
        this.terminated = d.terminated;
        this.truncated = d.truncated;
        this.episodeStarts = d.episodeStarts;
        this.episodeTasks = d.episodeTasks;
        this.behaviourLogProb = d.behaviourLogProb;
        this.provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    private TransitionDataset(Columns c, int obsDim, int actDim, int[] episodeStarts) {
        this.size = c.rewards.length;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.observations = c.observations.clone();
        this.actions = c.actions.clone();
        this.rewards = c.rewards.clone();
        this.nextObservations = c.nextObservations.clone();
        this.terminated = c.terminated.clone();
        this.truncated = c.truncated.clone();
        this.episodeStarts = episodeStarts;
        this.episodeTasks = c.episodeTasks.map(int[]::clone);
        this.behaviourLogProb = c.behaviourLogProb.map(double[]::clone);
        this.provenance = Map.of();
    }

    /**
     * The dataset's columns as flat row-major arrays, before validation.
     *
     * @param observations     {@code [N, obsDim]}: the observation before each step
     * @param actions          {@code [N, actDim]}: each step's action (a discrete action as its index, {@code actDim = 1})
     * @param rewards          {@code [N]}
     * @param nextObservations {@code [N, obsDim]}: the observation after each step
     * @param terminated       {@code [N]}: the step reached a terminal state
     * @param truncated        {@code [N]}: the episode was cut short after the step
     * @param episodeTasks     {@code [E]}: an id of each episode's task, where known
     * @param behaviourLogProb {@code [N]}: the log-probability of each action under the policy that
     *                         chose it, where known (importance sampling needs it)
     */
    public record Columns(double[] observations, double[] actions, double[] rewards, double[] nextObservations,
                          boolean[] terminated, boolean[] truncated, Optional<int[]> episodeTasks,
                          Optional<double[]> behaviourLogProb) {
    }

    /**
     * Validates {@code columns} against the family's spaces and holds a copy: lengths, finite
     * values, observations inside {@code observationSpace}, actions inside {@code actionSpace},
     * episode ends and, where given, one task per episode and log-probabilities at most 0.
     *
     * @throws IllegalArgumentException naming the field and the row of the first bad value
     */
    public static TransitionDataset of(Space<?> observationSpace, Space<?> actionSpace, Columns columns) {
        if (columns == null || columns.episodeTasks == null || columns.behaviourLogProb == null) {
            throw new IllegalArgumentException("dataset columns must be non-null (use Optional.empty())");
        }
        int n = DatasetChecks.length("rewards", columns.rewards, 1, -1);
        if (n == 0) {
            throw new IllegalArgumentException("a dataset needs at least one transition, got 0 rows");
        }
        int obsDim = observationSpace.flatDim();
        int actDim = actionSpace.flatDim();
        DatasetChecks.length("observations", columns.observations, obsDim, n);
        DatasetChecks.length("next_observations", columns.nextObservations, obsDim, n);
        DatasetChecks.length("actions", columns.actions, actDim, n);
        DatasetChecks.length("terminals", columns.terminated, n);
        DatasetChecks.length("timeouts", columns.truncated, n);
        DatasetChecks.finite("rewards", columns.rewards, 1);
        DatasetChecks.members("observations", observationSpace, columns.observations, n);
        DatasetChecks.members("next_observations", observationSpace, columns.nextObservations, n);
        DatasetChecks.members("actions", actionSpace, columns.actions, n);
        int[] starts = DatasetChecks.episodeStarts(columns.terminated, columns.truncated);
        columns.episodeTasks.ifPresent(t -> {
            if (t.length != starts.length - 1) {
                throw new IllegalArgumentException("episode_tasks must have one entry per episode (" + (starts.length - 1)
                        + "), got " + t.length);
            }
        });
        columns.behaviourLogProb.ifPresent(lp -> {
            DatasetChecks.length("behaviour_log_prob", lp, 1, n);
            for (int i = 0; i < n; i++) {
                if (!(lp[i] <= 0) || Double.isInfinite(lp[i])) {
                    throw new IllegalArgumentException("behaviour_log_prob row " + i
                            + ": must be a finite log-probability <= 0, got " + lp[i]);
                }
            }
        });
        return new TransitionDataset(columns, obsDim, actDim, starts);
    }

    /** N, the number of transitions. */
    public int size() {
        return size;
    }

    /** The observations' flat width. */
    public int obsDim() {
        return obsDim;
    }

    /** The actions' flat width (1 for a discrete action). */
    public int actDim() {
        return actDim;
    }

    /** E, the number of episodes. */
    public int episodes() {
        return episodeStarts.length - 1;
    }

    /** {@code [E + 1]}: episode e is rows {@code [starts[e], starts[e + 1])}. */
    public int[] episodeStarts() {
        return episodeStarts.clone();
    }

    /** {@code [N, obsDim]}, row-major. */
    public double[] observations() {
        return observations.clone();
    }

    /** {@code [N, actDim]}, row-major. */
    public double[] actions() {
        return actions.clone();
    }

    /** {@code [N]}. */
    public double[] rewards() {
        return rewards.clone();
    }

    /** {@code [N, obsDim]}, row-major. */
    public double[] nextObservations() {
        return nextObservations.clone();
    }

    /** {@code [N]}. */
    public boolean[] terminated() {
        return terminated.clone();
    }

    /** {@code [N]}. */
    public boolean[] truncated() {
        return truncated.clone();
    }

    /** {@code [E]}, where the dataset knows them. */
    public Optional<int[]> episodeTasks() {
        return episodeTasks.map(int[]::clone);
    }

    /** {@code [N]}, where the dataset knows them. */
    public Optional<double[]> behaviourLogProb() {
        return behaviourLogProb.map(double[]::clone);
    }

    /**
     * How the dataset was made (family, behaviour policy, seed, file it was read from...), sorted by
     * key; empty where nothing is known. Written to and read from a file's attributes.
     */
    public Map<String, String> provenance() {
        return provenance;
    }

    /** The same transitions with {@code provenance} (keys and values non-null). */
    public TransitionDataset withProvenance(Map<String, String> provenance) {
        return new TransitionDataset(this, provenance);
    }

    /**
     * The datasets one after another, with their episode task ids offset so that ids stay distinct
     * (dataset k's ids shifted by the largest id before it plus one); log-probabilities kept only if
     * every part has them; no provenance.
     *
     * @throws IllegalArgumentException if the parts differ in width or there are none
     */
    public static TransitionDataset concat(Space<?> observationSpace, Space<?> actionSpace,
                                           List<TransitionDataset> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one dataset");
        }
        int n = parts.stream().mapToInt(TransitionDataset::size).sum();
        int e = parts.stream().mapToInt(TransitionDataset::episodes).sum();
        TransitionDataset first = parts.get(0);
        double[] obs = new double[n * first.obsDim];
        double[] next = new double[n * first.obsDim];
        double[] act = new double[n * first.actDim];
        double[] rew = new double[n];
        boolean[] term = new boolean[n];
        boolean[] trunc = new boolean[n];
        double[] logp = new double[n];
        int[] tasks = new int[e];
        boolean allLogp = parts.stream().allMatch(p -> p.behaviourLogProb.isPresent());
        boolean allTasks = parts.stream().allMatch(p -> p.episodeTasks.isPresent());
        int row = 0;
        int ep = 0;
        int offset = 0;
        for (TransitionDataset p : parts) {
            if (p.obsDim != first.obsDim || p.actDim != first.actDim) {
                throw new IllegalArgumentException("datasets to join must share their widths, got [" + p.obsDim + ", "
                        + p.actDim + "] after [" + first.obsDim + ", " + first.actDim + "]");
            }
            System.arraycopy(p.observations, 0, obs, row * first.obsDim, p.size * first.obsDim);
            System.arraycopy(p.nextObservations, 0, next, row * first.obsDim, p.size * first.obsDim);
            System.arraycopy(p.actions, 0, act, row * first.actDim, p.size * first.actDim);
            System.arraycopy(p.rewards, 0, rew, row, p.size);
            System.arraycopy(p.terminated, 0, term, row, p.size);
            System.arraycopy(p.truncated, 0, trunc, row, p.size);
            if (allLogp) {
                System.arraycopy(p.behaviourLogProb.get(), 0, logp, row, p.size);
            }
            if (allTasks) {
                int max = -1;
                for (int id : p.episodeTasks.get()) {
                    tasks[ep++] = id + offset;
                    max = Math.max(max, id);
                }
                offset += max + 1;
            }
            row += p.size;
        }
        return of(observationSpace, actionSpace, new Columns(obs, act, rew, next, term, trunc,
                allTasks ? Optional.of(tasks) : Optional.empty(), allLogp ? Optional.of(logp) : Optional.empty()));
    }

    /**
     * A minibatch of M rows, the row indices drawn uniformly with replacement in order
     * ({@code rng.nextInt(N)} each): what offline learners train on.
     */
    public Rows sample(int m, RandomGenerator rng) {
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = rng.nextInt(size);
        }
        return rows(rows);
    }

    /** The given rows, in the given order (repeats allowed). */
    public Rows rows(int[] rows) {
        int m = rows.length;
        double[] obs = new double[m * obsDim];
        double[] next = new double[m * obsDim];
        double[] act = new double[m * actDim];
        double[] rew = new double[m];
        boolean[] term = new boolean[m];
        for (int i = 0; i < m; i++) {
            int r = rows[i];
            if (r < 0 || r >= size) {
                throw new IllegalArgumentException("row " + r + " is not one of the dataset's " + size);
            }
            System.arraycopy(observations, r * obsDim, obs, i * obsDim, obsDim);
            System.arraycopy(nextObservations, r * obsDim, next, i * obsDim, obsDim);
            System.arraycopy(actions, r * actDim, act, i * actDim, actDim);
            rew[i] = rewards[r];
            term[i] = terminated[r];
        }
        return new Rows(obs, act, rew, next, term);
    }

    /**
     * Some rows of a dataset, row-major.
     *
     * @param observations     {@code [M, obsDim]}
     * @param actions          {@code [M, actDim]}
     * @param rewards          {@code [M]}
     * @param nextObservations {@code [M, obsDim]}
     * @param terminated       {@code [M]}
     */
    public record Rows(double[] observations, double[] actions, double[] rewards, double[] nextObservations,
                       boolean[] terminated) {

        /** M. */
        public int size() {
            return rewards.length;
        }
    }

    /** The mean over episodes of each episode's summed reward. */
    public double meanEpisodeReturn() {
        double total = 0;
        for (double r : rewards) {
            total += r;
        }
        return total / episodes();
    }
}
