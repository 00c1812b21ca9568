package io.github.metarl4j.optim;

import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.ConjugateGradient;
import org.apache.commons.math3.linear.RealLinearOperator;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.IterationEvent;
import org.apache.commons.math3.util.IterationListener;
import org.apache.commons.math3.linear.IterativeLinearSolverEvent;
import org.apache.commons.math3.util.IterationManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One TRPO step (Schulman et al., "Trust Region Policy Optimization", ICML 2015), as the MAML
 * reference implementation takes it: solve {@code (C + damping I) s = g} by conjugate gradient
 * (Commons Math's {@link ConjugateGradient} on a matrix-free operator, exactly {@code cgIterations}
 * iterations from {@code s = 0}, each one curvature product, keeping the last iterate if it has not
 * converged); scale {@code s} so that
 * {@code 0.5 s^T (C + damping I) s = maxKl}; then backtrack from {@code thetaOld - s}, shrinking the
 * step by {@code backtrackRatio}, and accept the first candidate whose objective is below
 * {@code L(thetaOld)} and whose KL is below {@code maxKl}; if none is, keep {@code thetaOld}.
 */
public final class Trpo {

    private final TrpoConfig config;

    /** @param config the trust region, conjugate-gradient and line-search settings */
    public Trpo(TrpoConfig config) {
        this.config = config;
    }

    /**
     * The outcome of a step.
     *
     * @param theta       the new parameters ({@code thetaOld} itself if no candidate was accepted)
     * @param accepted    whether a candidate was accepted
     * @param backtracks  how many times the step was shrunk before acceptance (or the budget, if none)
     * @param valueBefore {@code L(thetaOld)}
     * @param valueAfter  {@code L(theta)}
     * @param kl          {@code KL(theta)}
     * @param gradientNorm the Euclidean norm of the objective's gradient at {@code thetaOld}
     */
    public record Result(INDArray theta, boolean accepted, int backtracks, double valueBefore, double valueAfter,
                         double kl, double gradientNorm) {
    }

    /** Takes one step from {@code thetaOld} on {@code problem}. */
    public Result step(TrustRegionProblem problem, INDArray thetaOld) {
        INDArray g = problem.gradient();
        double gradientNorm = g.norm2Number().doubleValue();
        INDArray s = solve(problem, g);
        double shs = 0.5 * s.mul(damped(problem, s)).sumNumber().doubleValue();
        double before = problem.evaluate(thetaOld).value();
        if (!(shs > 0)) {
            return new Result(thetaOld, false, 0, before, before, 0, gradientNorm);
        }
        INDArray fullStep = s.divi(Math.sqrt(shs / config.maxKl()));
        double fraction = 1.0;
        for (int k = 0; k < config.lineSearchSteps(); k++, fraction *= config.backtrackRatio()) {
            INDArray candidate = thetaOld.sub(fullStep.mul(fraction));
            TrustRegionProblem.Evaluation at = problem.evaluate(candidate);
            double value = at.value();
            double kl = at.kl();
            if (value < before && kl < config.maxKl()) {
                return new Result(candidate, true, k, before, value, kl, gradientNorm);
            }
        }
        return new Result(thetaOld, false, config.lineSearchSteps(), before, before, 0, gradientNorm);
    }

    private INDArray damped(TrustRegionProblem problem, INDArray v) {
        return problem.curvatureTimes(v).addi(v.mul(config.cgDamping()));
    }

    /**
     * {@code (C + damping I)^-1 g} after {@code cgIterations} CG iterations from 0 (fewer only if the
     * residual falls below {@code 1e-10 |g|}), each calling {@code problem.curvatureTimes} once.
     * Commons Math counts its initialisation, the residual {@code g - A 0}, as an iteration; the
     * solver is given one more iteration than configured and {@code A 0 = 0} is answered without a
     * product, so the configured number is the number of curvature products, as in the MAML
     * reference implementation.
     */
    INDArray solve(TrustRegionProblem problem, INDArray g) {
        int n = (int) g.length();
        RealLinearOperator op = new RealLinearOperator() {
            @Override
            public int getRowDimension() {
                return n;
            }

            @Override
            public int getColumnDimension() {
                return n;
            }

            @Override
            public RealVector operate(RealVector x) {
                if (x.getLInfNorm() == 0) {
                    return new ArrayRealVector(n);
                }
                INDArray v = Nd4j.create(x.toArray(), new long[] {n}, g.dataType());
                return new ArrayRealVector(damped(problem, v).toDoubleVector(), false);
            }
        };
        ConjugateGradient cg = new ConjugateGradient(config.cgIterations() + 1, 1e-10, false);
        RealVector[] last = {new ArrayRealVector(n)};
        IterationManager manager = cg.getIterationManager();
        manager.addIterationListener(new IterationListener() {
            @Override
            public void initializationPerformed(IterationEvent e) {
            }

            @Override
            public void iterationStarted(IterationEvent e) {
            }

            @Override
            public void iterationPerformed(IterationEvent e) {
                last[0] = ((IterativeLinearSolverEvent) e).getSolution();
            }

            @Override
            public void terminationPerformed(IterationEvent e) {
            }
        });
        RealVector b = new ArrayRealVector(g.toDoubleVector(), false);
        RealVector x;
        try {
            x = cg.solve(op, b);
        } catch (MaxCountExceededException e) {
            x = last[0];
        }
        return Nd4j.create(x.toArray(), new long[] {n}, g.dataType());
    }
}
