package io.github.metarl4j.algo;

/**
 * What one meta-iteration did, in the same columns for every learner (the rows of a run's metrics).
 *
 * @param returnBefore    mean undiscounted episode return before adaptation (MAML: the train episodes)
 * @param returnAfter     mean return after adaptation (MAML: the valid episodes; a learner without
 *                        adaptation reports its one return twice)
 * @param objectiveBefore the outer objective (a loss to minimise) at the old meta-parameters
 * @param objectiveAfter  the outer objective at the new ones
 * @param kl              the mean KL from the sampling policies to the new ones
 * @param gradientNorm    the Euclidean norm of the outer objective's gradient at the old meta-parameters
 * @param accepted        whether the meta-parameters changed (a TRPO step can be refused)
 * @param backtracks      line-search backtracks (0 where there is no line search)
 * @param envSteps        environment steps sampled
 * @param samplingSecs    wall time spent sampling
 * @param adaptationSecs  wall time spent on advantages and adaptation
 * @param outerSecs       wall time spent in the outer step
 */
public record MetaStepReport(double returnBefore, double returnAfter, double objectiveBefore, double objectiveAfter,
                             double kl, double gradientNorm, boolean accepted, int backtracks, long envSteps, double samplingSecs,
                             double adaptationSecs, double outerSecs) {

    /** Sampling, adaptation and outer step together. */
    public double totalSecs() {
        return samplingSecs + adaptationSecs + outerSecs;
    }
}
