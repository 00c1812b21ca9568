package io.github.metarl4j.conformance;

import io.github.metarl4j.space.Space;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One episode as flat numbers, compared bit for bit by the conformance checks. */
final class Trajectory {

    private final Space<?> observationSpace;
    private final List<double[]> observations = new ArrayList<>();
    private final List<double[]> outcomes = new ArrayList<>();

    <O> Trajectory(Space<O> observationSpace) {
        this.observationSpace = observationSpace;
    }

    @SuppressWarnings("unchecked")
    <O> void observe(O observation, double reward, boolean terminated, boolean truncated) {
        double[] flat = new double[observationSpace.flatDim()];
        ((Space<O>) observationSpace).write(observation, flat, 0);
        observations.add(flat);
        outcomes.add(new double[] {reward, terminated ? 1 : 0, truncated ? 1 : 0});
    }

    /** Number of steps (observations after the reset). */
    int length() {
        return observations.size() - 1;
    }

    boolean lastTerminated() {
        return outcomes.get(outcomes.size() - 1)[1] == 1;
    }

    boolean lastTruncated() {
        return outcomes.get(outcomes.size() - 1)[2] == 1;
    }

    /** Where two trajectories first differ, for a failure message. */
    String diff(Trajectory o) {
        int n = Math.min(observations.size(), o.observations.size());
        for (int i = 0; i < n; i++) {
            if (!Arrays.equals(observations.get(i), o.observations.get(i))) {
                return "at step " + i + " observation " + Arrays.toString(observations.get(i)) + " vs "
                        + Arrays.toString(o.observations.get(i));
            }
            if (!Arrays.equals(outcomes.get(i), o.outcomes.get(i))) {
                return "at step " + i + " (reward, terminated, truncated) " + Arrays.toString(outcomes.get(i))
                        + " vs " + Arrays.toString(o.outcomes.get(i));
            }
        }
        return "lengths " + length() + " vs " + o.length();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Trajectory o) || observations.size() != o.observations.size()) {
            return false;
        }
        for (int i = 0; i < observations.size(); i++) {
            if (!Arrays.equals(observations.get(i), o.observations.get(i))
                    || !Arrays.equals(outcomes.get(i), o.outcomes.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return observations.size();
    }
}
