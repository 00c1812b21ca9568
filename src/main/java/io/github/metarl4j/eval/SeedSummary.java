package io.github.metarl4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Adaptation curves of several training seeds summarised across the seeds, so that a claim holds
 * over training seeds and not only over the tasks of one run. Each seed contributes one value per
 * arm and k, its mean over the held-out tasks (fractions of the optimal return where every curve has
 * them, else returns); per arm and k the summary is the mean over seeds with a 95% t-interval; per
 * baseline and k, the paired difference learner minus baseline on the same seeds (and the same tasks
 * and episode generators within a seed) with its 95% t-interval; per arm, the episodes before the
 * curve first reaches the target fraction (median with a distribution-free interval, censored where
 * a seed never reaches it) and the area under the curve with its interval, and per baseline the
 * paired difference of areas.
 *
 * @param arms            the arms' names; the learner first
 * @param fraction        whether the values are fractions of the optimal return
 * @param seeds           the number of seeds
 * @param curves          per arm, per k: the interval over seeds
 * @param differences     per baseline (arms 1..), per k: learner minus baseline, interval over seeds
 * @param episodesToTarget per arm: episodes before the target is first reached, over seeds (fractions only)
 * @param areas           per arm: the area under the curve, interval over seeds (fractions only)
 * @param areaDifferences per baseline: learner minus baseline area, interval over seeds (fractions only)
 */
public record SeedSummary(List<String> arms, boolean fraction, int seeds, List<List<ConfidenceInterval>> curves,
                          List<List<ConfidenceInterval>> differences, List<CensoredMedian> episodesToTarget,
                          List<ConfidenceInterval> areas, List<ConfidenceInterval> areaDifferences) {

    /**
     * The summary of {@code perSeed.get(s)}, seed s's curves in the same arm order, the learner first.
     *
     * @param target          the fraction of optimal whose first crossing is counted
     * @param episodesPerStep episodes per adaptation step
     * @throws IllegalArgumentException if the seeds' arms or lengths differ, or there is no seed
     */
    public static SeedSummary of(List<List<AdaptationCurve>> perSeed, double target, int episodesPerStep) {
        if (perSeed.isEmpty()) {
            throw new IllegalArgumentException("a seed summary needs at least one seed");
        }
        List<AdaptationCurve> first = perSeed.get(0);
        List<String> arms = first.stream().map(AdaptationCurve::name).toList();
        for (List<AdaptationCurve> seed : perSeed) {
            if (!seed.stream().map(AdaptationCurve::name).toList().equals(arms)
                    || seed.stream().anyMatch(c -> c.steps() != first.get(0).steps())) {
                throw new IllegalArgumentException("every seed must evaluate the same arms " + arms + " over the same k");
            }
        }
        boolean fraction = perSeed.stream().flatMap(List::stream).allMatch(c -> !c.fractionOfOptimal().isEmpty());
        int k = first.get(0).steps();
        int n = perSeed.size();
        List<List<ConfidenceInterval>> curves = new ArrayList<>();
        List<List<ConfidenceInterval>> differences = new ArrayList<>();
        List<CensoredMedian> episodes = new ArrayList<>();
        List<ConfidenceInterval> areas = new ArrayList<>();
        List<ConfidenceInterval> areaDifferences = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            List<ConfidenceInterval> curve = new ArrayList<>();
            List<ConfidenceInterval> difference = new ArrayList<>();
            for (int j = 0; j <= k; j++) {
                double[] values = new double[n];
                double[] diffs = new double[n];
                for (int s = 0; s < n; s++) {
                    values[s] = value(perSeed.get(s).get(a), j, fraction);
                    diffs[s] = value(perSeed.get(s).get(0), j, fraction) - values[s];
                }
                curve.add(ConfidenceInterval.of95(values));
                difference.add(ConfidenceInterval.of95(diffs));
            }
            curves.add(curve);
            if (a > 0) {
                differences.add(difference);
            }
            if (fraction) {
                OptionalInt[] reached = new OptionalInt[n];
                double[] area = new double[n];
                double[] areaDiff = new double[n];
                for (int s = 0; s < n; s++) {
                    AdaptationCurve c = perSeed.get(s).get(a);
                    OptionalInt at = c.firstReaching(target);
                    reached[s] = at.isPresent() ? OptionalInt.of(at.getAsInt() * episodesPerStep) : OptionalInt.empty();
                    area[s] = c.fractionArea();
                    areaDiff[s] = perSeed.get(s).get(0).fractionArea() - area[s];
                }
                episodes.add(CensoredMedian.of(reached, 0.95));
                areas.add(ConfidenceInterval.of95(area));
                if (a > 0) {
                    areaDifferences.add(ConfidenceInterval.of95(areaDiff));
                }
            }
        }
        return new SeedSummary(arms, fraction, n, curves, differences, episodes, areas, areaDifferences);
    }

    private static double value(AdaptationCurve c, int k, boolean fraction) {
        return (fraction ? c.fractionOfOptimal() : c.returns()).get(k).mean();
    }

    /** K, the number of adaptation steps. */
    public int steps() {
        return curves.get(0).size() - 1;
    }
}
