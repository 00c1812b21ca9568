package io.github.metarl4j.envs.gridworld;

/** The four actions, in the order of their indices: up, right, down, left. */
public enum Move {
    UP(-1, 0), RIGHT(0, 1), DOWN(1, 0), LEFT(0, -1);

    private final int dr;
    private final int dc;

    Move(int dr, int dc) {
        this.dr = dr;
        this.dc = dc;
    }

    /** The cell index reached from cell {@code index}; a wall or the border leaves it in place. */
    public int next(GridMap map, int index) {
        int r = index / map.cols() + dr;
        int c = index % map.cols() + dc;
        return map.isFree(new Cell(r, c)) ? r * map.cols() + c : index;
    }
}
