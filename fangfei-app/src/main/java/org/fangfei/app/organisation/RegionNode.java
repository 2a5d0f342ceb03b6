package org.fangfei.app.organisation;

/**
 * A region in the tree with what lies beneath it: child regions, grids and people in its
 * subtree, and the grid that covers it, if any.
 */
public record RegionNode(Region region, int children, int villages, int grids, int people, Long gridId, String gridName,
		Integer gridLevel) {
}
