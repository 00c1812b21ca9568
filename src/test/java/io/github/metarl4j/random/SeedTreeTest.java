package io.github.metarl4j.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedTreeTest {

    @Test
    void samePath_givesSameGenerator() {
        long a = SeedTree.root(42).child("sampler").child(7).generator().nextLong();
        long b = SeedTree.root(42).child("sampler").child(7).generator().nextLong();
        assertEquals(a, b);
    }

    @Test
    void seedPlusIndexCollision_doesNotHappen() {
        // With seed + index, root 1 / worker 0 and root 0 / worker 1 would share a stream.
        assertNotEquals(SeedTree.root(1).child(0).seed(), SeedTree.root(0).child(1).seed());
        assertNotEquals(SeedTree.root(0).child("a").child(1).seed(), SeedTree.root(0).child("a").child(0).child(1).seed());
    }

    @Test
    void childrenOfManyRootsAndIndices_areDistinct() {
        Set<Long> seen = new HashSet<>();
        for (int root = 0; root < 64; root++) {
            for (int i = 0; i < 64; i++) {
                seen.add(SeedTree.root(root).child(i).seed());
                seen.add(SeedTree.root(root).child("w" + i).seed());
            }
        }
        assertEquals(2 * 64 * 64, seen.size());
    }

    @Test
    void namedAndNumberedChildren_differ() {
        SeedTree r = SeedTree.root(3);
        assertNotEquals(r.child("tasks").seed(), r.child("sampler").seed());
        assertNotEquals(r.child(0).seed(), r.child("0").seed());
    }

    @Test
    void emptyName_isRejectedWithMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> SeedTree.root(1).child(""));
        assertEquals("seed tree child name must be non-empty, got ''", e.getMessage());
    }
}
