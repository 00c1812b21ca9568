package io.github.metarl4j.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An ND4J workspace for the many small temporaries of a recurrent pass: inside it an array is a
 * slice of one block that is reused on every opening, instead of a native allocation freed later
 * by the garbage collector (which dominated RL^2's time on 2 cores). Every array created while it
 * is open is invalid after {@link MemoryWorkspace#close()}; what must outlive it is
 * {@link org.nd4j.linalg.api.ndarray.INDArray#detach() detached} or read to the host first.
 * Workspaces belong to the opening thread.
 */
public final class ScratchMemory {

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.5)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private ScratchMemory() {
    }

    /** Opens (or reopens) the calling thread's workspace named {@code id}; close it with try-with-resources. */
    public static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }
}
