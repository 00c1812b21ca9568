package io.github.metarl4j.envs.gridworld;

/**
 * A grid cell, row 0 at the top and column 0 at the left.
 *
 * @param row the row, from 0
 * @param col the column, from 0
 */
public record Cell(int row, int col) implements Comparable<Cell> {

    @Override
    public int compareTo(Cell o) {
        return row != o.row ? Integer.compare(row, o.row) : Integer.compare(col, o.col);
    }

    @Override
    public String toString() {
        return "(" + row + ", " + col + ")";
    }
}
